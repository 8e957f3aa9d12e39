import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A theme feedback is tagged with. Only the API shape for now (Response.themes answers []):
 * the themes table, tagging and suggestions arrive with the analysis stage.
 */
@ObjectType('Theme')
export class ThemeType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ThemeType, { nullable: true })
  parent: ThemeType | null;
}
