import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NpsBandType } from './organization-settings.js';

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

  @Field(() => String, { description: 'IANA time zone (default UTC)' })
  timeZone: string;

  @Field(() => Int, { description: 'Hours a detractor waits at most for a first reaction (default 48)' })
  followUpSlaHours: number;

  @Field(() => Int, { description: 'Days a contact is not invited again after an invitation (default 90)' })
  throttleDays: number;

  @Field(() => [NpsBandType], { description: 'The NPS bands, from -100 up (default: needs_work, good 0, great 30, excellent 50)' })
  npsBands: NpsBandType[];
}
