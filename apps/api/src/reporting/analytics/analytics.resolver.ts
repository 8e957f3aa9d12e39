import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { NpsFilter } from '../base/nps-filter.input.js';
import { npsBreakdown } from './nps-breakdown.service.js';
import { BreakdownDimensionEnum, NpsGroup, type AnyBreakdownDimension } from '../base/nps-breakdown.types.js';
import { npsSummary } from './nps-summary.service.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { npsTrend } from './nps-trend.service.js';
import { NpsPoint, TrendIntervalEnum, type TrendInterval } from '../base/nps-trend.types.js';
import { REPORT_READERS } from '../../kernel/policies.js';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { TransactionValues, transactionValues } from './transaction-values.js';

@Resolver()
export class AnalyticsResolver {
  @Authorized(...REPORT_READERS)
  @Query(() => NpsSummary, {
    description:
      "NPS with its 95 % interval over the filtered responses; a manager's covers their own contacts. Employee answers (HR, ADMIN, LEADER, analytics:read) only through the anonymity guard",
  })
  npsSummary(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return npsSummary(ctx, filter);
  }

  @Authorized(...REPORT_READERS)
  @Query(() => [NpsGroup], {
    description:
      'The filtered results per org unit (identified: each with its subtree; employee: its own answers), owner, wave, audience, segment, or (identified answers) the product, channel, serving employee or touchpoint of their transaction. Employee breakdowns list every group, each released or suppressed by the anonymity guard',
  })
  npsBreakdown(
    @Arg('filter', () => NpsFilter) filter: NpsFilter,
    @Arg('by', () => BreakdownDimensionEnum) by: AnyBreakdownDimension,
    @Arg('segmentKey', () => String, { nullable: true, description: 'With by: SEGMENT (employee results: location or tenure_band)' }) segmentKey: string | null,
    @Ctx() ctx: Context,
  ) {
    return npsBreakdown(ctx, filter, by, segmentKey);
  }

  @Authorized(...REPORT_READERS)
  @Query(() => [NpsPoint], {
    description:
      'The filtered results per wave, ISO week, month or quarter, each point flagged when its change from the previous one is significant. Employee points (HR, ADMIN, LEADER, analytics:read) are guarded like a breakdown',
  })
  npsTrend(
    @Arg('filter', () => NpsFilter) filter: NpsFilter,
    @Arg('interval', () => TrendIntervalEnum) interval: TrendInterval,
    @Ctx() ctx: Context,
  ) {
    return npsTrend(ctx, filter, interval);
  }

  @Authorized(...REPORT_READERS)
  @Query(() => TransactionValues, {
    description:
      "The products, channels, serving employees and touchpoints present in the organization's identified answers (of one audience, or all customer-facing), as filter choices; empty for employee results",
  })
  transactionValues(@Arg('audience', () => AudienceEnum, { nullable: true }) audience: Audience | null, @Ctx() ctx: Context) {
    return transactionValues(ctx, audience);
  }
}
