import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import { ImprovementStatusEnum, type ImprovementStatus } from '../../loop/improvements/improvement.enums.js';
import { NpsSummary } from '../../reporting/base/nps-summary.type.js';
import { NpsPoint } from '../../reporting/base/nps-trend.types.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { FollowUpSla } from './follow-up-sla.js';

@ObjectType('NpsTarget', { description: 'The NPS an organization aims at for one audience in a year or a quarter' })
export class NpsTargetType {
  @Field(() => ID)
  id: string;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: 'Null: the target of the whole year' })
  quarter: number | null;

  @Field(() => String, { description: '"2026-Q4" or "2026"' })
  period: string;

  @Field(() => Float, { description: '−100 to 100' })
  value: number;
}

@ObjectType('Benchmark', { description: 'An industry benchmark the organization entered, shown beside its own score' })
export class BenchmarkType {
  @Field(() => ID)
  id: string;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => String)
  name: string;

  @Field(() => Float, { description: 'An NPS, −100 to 100' })
  value: number;

  @Field(() => String, { nullable: true, description: 'Where the number comes from' })
  source: string | null;

  @Field(() => Date)
  createdAt: Date;
}

@InputType('AddBenchmarkInput')
export class AddBenchmarkInput {
  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => String, { description: '1 to 200 characters' })
  name: string;

  @Field(() => Float, { description: '−100 to 100' })
  value: number;

  @Field(() => String, { nullable: true, description: 'At most 500 characters' })
  source?: string | null;
}

@ObjectType('StatusCount')
export class StatusCount {
  @Field(() => ImprovementStatusEnum)
  status: ImprovementStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('BoardAudience', { description: "One audience's NPS (eNPS for EMPLOYEE) on the board" })
export class BoardAudience {
  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => NpsSummary, { description: 'The period: NPS, 95 % interval, band (EMPLOYEE through the anonymity guard)' })
  summary: NpsSummary;

  @Field(() => NpsSummary, { nullable: true, description: 'The previous period of the same length (the quarter or year before)' })
  previous: NpsSummary | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the change from the previous period is significant (nps-core compareNps); null when either has no responses or is suppressed',
  })
  significantChange: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Responded ÷ invited, 0..1, over the waves that ran during the period (invitations; for EMPLOYEE participations of waves with at least k invited); null without such a wave',
  })
  responseRate: number | null;

  @Field(() => Float, { nullable: true, description: "The period's target: the quarter's, else the year's; null without one" })
  target: number | null;

  @Field(() => Boolean, { nullable: true, description: 'nps ≥ target; null without a target or without an NPS (no responses, or suppressed)' })
  targetReached: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Progress toward the target along the NPS scale from −100: (nps + 100) ÷ (target + 100), clipped to 0..1 (1 = reached); null like targetReached',
  })
  targetProgress: number | null;

  @Field(() => [BenchmarkType], { description: "The organization's benchmarks for this audience" })
  benchmarks: BenchmarkType[];

  @Field(() => [NpsPoint], { description: 'By month: the 12 months up to the last month of the period (at most the current month)' })
  trend: NpsPoint[];
}

@ObjectType('Board', { description: 'The combined leadership board of one period' })
export class Board {
  @Field(() => String, { description: '"2026-Q4" or "2026"' })
  period: string;

  @Field(() => String, { description: 'The period compared with: "2026-Q3", or "2025"' })
  previousPeriod: string;

  @Field(() => DateResolver, { description: 'First day of the period (UTC)' })
  from: Date;

  @Field(() => DateResolver, { description: 'Last day of the period (UTC)' })
  to: Date;

  @Field(() => [BoardAudience], {
    description:
      'CUSTOMER, CANDIDATE, ASSOCIATE and EMPLOYEE — only those the caller may read: HR sees EMPLOYEE only, CX the identified audiences only (never a suppressed stand-in)',
  })
  audiences: BoardAudience[];

  @Field(() => Int, { description: 'Follow-ups not yet resolved (OPEN or CONTACTED), now; 0 for callers who read employee results only' })
  followUpsOpen: number;

  @Field(() => Int, { description: 'Of them, those past their due time' })
  followUpsOverdue: number;

  @Field(() => FollowUpSla, {
    description: "Of the period's detractor follow-ups, the share closed within the SLA, in all, per wave and per owner; empty for callers who read employee results only",
  })
  followUpSla: FollowUpSla;

  @Field(() => [StatusCount], { description: 'Improvements per status, every status listed (0 until improvements exist)' })
  improvementsByStatus: StatusCount[];
}
