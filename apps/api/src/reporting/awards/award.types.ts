import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import { LeaderboardEntityEnum, LeaderboardMetricEnum, type LeaderboardEntity, type LeaderboardMetric } from '../leaderboards/leaderboard.types.js';
import type { Audience } from '../../survey/waves/wave.entity.js';

export const AwardPeriodStatusEnum = { FINALIZED: 'FINALIZED', REOPENED: 'REOPENED' } as const;
export type AwardPeriodStatus = keyof typeof AwardPeriodStatusEnum;
registerEnumType(AwardPeriodStatusEnum, { name: 'AwardPeriodStatus' });

@ObjectType('Award', { description: 'A place on the frozen podium of one category of a finalized period; later data never changes it' })
export class Award {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '"2026-Q3" or "2026"' })
  period: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true })
  quarter: number | null;

  @Field(() => String, { description: 'e.g. "TEAM · NPS", "TEAM · RESPONSE_RATE · EMPLOYEE"' })
  category: string;

  @Field(() => LeaderboardEntityEnum)
  entity: LeaderboardEntity;

  @Field(() => LeaderboardMetricEnum)
  metric: LeaderboardMetric;

  @Field(() => AudienceEnum, { nullable: true, description: 'Null: every identified audience together' })
  audience: Audience | null;

  @Field(() => ID, { nullable: true, description: 'The org unit or user it went to (the name is kept as it was)' })
  entityId: string | null;

  @Field(() => String)
  winnerName: string;

  @Field(() => Int, { description: '1, 2 or 3' })
  rank: number;

  @Field(() => Float, { description: 'The number that won: NPS, response rate 0..1, change in NPS points, or a count' })
  value: number;

  @Field(() => Int)
  responses: number;

  @Field(() => Int, { nullable: true })
  invited: number | null;

  @Field(() => Float, { nullable: true, description: 'NPS of the period (not for an employee response rate)' })
  nps: number | null;

  @Field(() => Float, { nullable: true, description: 'The 95 % interval of the value, as on the leaderboard' })
  ciLow: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh: number | null;

  @Field(() => Boolean, { nullable: true, description: 'NPS_IMPROVEMENT: the change was significant' })
  significant: boolean | null;

  @Field(() => Date)
  finalizedAt: Date;

  @Field(() => Boolean, { description: 'The period was reopened: the next finalize replaces this award' })
  reopened: boolean;

  @Field(() => [Award], { description: "Places 2 and 3 of the same category (on a winner's record; empty on theirs)" })
  runnersUp: Award[];
}

@ObjectType('AwardEvent')
export class AwardEvent {
  @Field(() => AwardPeriodStatusEnum, { description: 'FINALIZED or REOPENED' })
  kind: AwardPeriodStatus;

  @Field(() => String)
  byName: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('AwardPeriod', { description: 'A period whose awards were finalized, with its history' })
export class AwardPeriod {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  period: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true })
  quarter: number | null;

  @Field(() => AwardPeriodStatusEnum)
  status: AwardPeriodStatus;

  @Field(() => Date)
  finalizedAt: Date;

  @Field(() => Date, { nullable: true })
  reopenedAt: Date | null;

  @Field(() => String, { nullable: true })
  reopenNote: string | null;

  @Field(() => [AwardEvent], { description: 'Every finalize and reopen, oldest first' })
  events: AwardEvent[];
}
