import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'Reporting threshold k for employee results: groups of fewer answers are suppressed (never below 3)' })
  anonymityThreshold: number;

  @Field(() => Int, { description: 'Responses a team or manager needs in a period to be eligible on a leaderboard (at least 1; default 10)' })
  leaderboardMinResponses: number;
}
