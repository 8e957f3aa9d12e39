import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { PeriodInput } from '../base/period.input.js';
import type { Audience } from '../../survey/waves/wave.entity.js';

export const LEADERBOARD_ENTITIES = ['TEAM', 'MANAGER'] as const;
export type LeaderboardEntity = (typeof LEADERBOARD_ENTITIES)[number];
export const LEADERBOARD_METRICS = ['NPS', 'RESPONSE_RATE', 'NPS_IMPROVEMENT', 'IMPROVEMENTS_IMPLEMENTED'] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];

export const LeaderboardEntityEnum = { TEAM: 'TEAM', MANAGER: 'MANAGER' } as const;
registerEnumType(LeaderboardEntityEnum, { name: 'LeaderboardEntity', description: 'TEAM: an org unit with its subtree; MANAGER: a contact owner' });

export const LeaderboardMetricEnum = {
  NPS: 'NPS',
  RESPONSE_RATE: 'RESPONSE_RATE',
  NPS_IMPROVEMENT: 'NPS_IMPROVEMENT',
  IMPROVEMENTS_IMPLEMENTED: 'IMPROVEMENTS_IMPLEMENTED',
} as const;
registerEnumType(LeaderboardMetricEnum, { name: 'LeaderboardMetric' });

@InputType('LeaderboardInput')
export class LeaderboardInput {
  @Field(() => PeriodInput, { description: 'A quarter or a whole year that has started' })
  period: PeriodInput;

  @Field(() => LeaderboardEntityEnum)
  entity: LeaderboardEntity;

  @Field(() => LeaderboardMetricEnum)
  metric: LeaderboardMetric;

  @Field(() => AudienceEnum, { nullable: true, description: 'Left out: every identified audience together. EMPLOYEE: RESPONSE_RATE of teams only' })
  audience?: Audience | null;

  @Field(() => Int, {
    nullable: true,
    description: 'TEAM: the level of the org chart to rank (leaderboardLevels), each team with its subtree; left out: the level with the most units. Never the company itself, never a team beside its own sub-teams.',
  })
  level?: number | null;
}

@ObjectType('LeaderboardLevel', { description: 'One level of the org chart that team leaderboards can rank' })
export class LeaderboardLevel {
  @Field(() => Int, { description: '1 for the units under the company, 2 for theirs, ... (0 only when the chart has several top units)' })
  level: number;

  @Field(() => [String], { description: 'The names of its units, alphabetically' })
  unitNames: string[];

  @Field(() => Boolean, { description: 'The level ranked when none is asked for: the one with the most units' })
  isDefault: boolean;
}

@ObjectType('LeaderboardEntry', { description: 'One team or manager on a leaderboard, with the numbers that put it there' })
export class LeaderboardEntry {
  @Field(() => Int, { description: 'Eligible entries first, 1..n; ties broken by more responses, then name' })
  rank: number;

  @Field(() => ID, { nullable: true, description: 'The org unit (TEAM) or the user (MANAGER)' })
  entityId: string | null;

  @Field(() => String)
  name: string;

  @Field(() => Float, { description: 'The metric: NPS, response rate 0..1, change in NPS points, or a count (0 when there is nothing to measure)' })
  value: number;

  @Field(() => Float, { nullable: true, description: 'What the entry is ranked by: the lower end of the 95 % interval (NPS, RESPONSE_RATE), the change (NPS_IMPROVEMENT), the count' })
  rankedBy: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95 % interval of the value (adjusted-Wald for NPS, Wilson for a rate, of the change for NPS_IMPROVEMENT)' })
  ciLow: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh: number | null;

  @Field(() => Int, { description: 'Responses in the period (for RESPONSE_RATE: invitations answered)' })
  responses: number;

  @Field(() => Int, { nullable: true, description: 'RESPONSE_RATE: people invited in the period' })
  invited: number | null;

  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => String, { nullable: true, description: 'Why the entry is not eligible, e.g. "7 responses; 10 needed"' })
  note: string | null;

  @Field(() => NpsSummary, { nullable: true, description: 'The NPS of the period behind the value, with its interval (identified audiences only)' })
  summary: NpsSummary | null;

  @Field(() => NpsSummary, { nullable: true, description: 'NPS_IMPROVEMENT: the previous period of the same length' })
  previous: NpsSummary | null;

  @Field(() => Boolean, { nullable: true, description: 'NPS_IMPROVEMENT: whether the change is significant (95 %); null without responses in both periods' })
  significant: boolean | null;
}
