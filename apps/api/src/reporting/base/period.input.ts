import { Field, InputType, Int } from 'type-graphql';

@InputType('PeriodInput', { description: 'A calendar year (2000–2100), or one quarter of it' })
export class PeriodInput {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: '1–4; left out: the whole year' })
  quarter?: number | null;
}
