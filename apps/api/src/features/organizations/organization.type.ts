import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'Reporting threshold k for employee results: groups of fewer answers are suppressed (never below 3)' })
  anonymityThreshold: number;
}
