import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { compareNps, type NpsCounts } from '@tandem/nps-core';
import { NpsSummary } from './nps-summary.type.js';

export const TREND_INTERVALS = ['WAVE', 'WEEK', 'MONTH', 'QUARTER'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];
export const TrendIntervalEnum = Object.fromEntries(TREND_INTERVALS.map((i) => [i, i])) as { [K in TrendInterval]: K };
registerEnumType(TrendIntervalEnum, {
  name: 'TrendInterval',
  description: 'The points of npsTrend: each wave (by its opening date), or ISO week, month or quarter (UTC)',
});

/** One point of a trend. */
@ObjectType('NpsPoint')
export class NpsPoint {
  @Field(() => String, { description: 'The period: "2026-W05", "2026-03", "2026-Q1", or the wave id for WAVE' })
  period: string;

  @Field(() => String, { description: 'For display: the period, or the wave name for WAVE' })
  label: string;

  @Field(() => DateResolver, { nullable: true, description: 'First day of a calendar period (UTC); null for WAVE' })
  from: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Last day of a calendar period (UTC); null for WAVE' })
  to: Date | null;

  @Field(() => NpsSummary)
  summary: NpsSummary;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the change from the previous point is significant (nps-core compareNps: |ΔNPS| > 1.96 √(SE₁² + SE₂²)); null for the first point, or when either point has no responses or is suppressed',
  })
  significantChange: boolean | null;

  static of(period: string, label: string, range: { from: string; to: string } | null, summary: NpsSummary): NpsPoint {
    return Object.assign(new NpsPoint(), {
      period,
      label,
      from: range ? new Date(`${range.from}T00:00:00Z`) : null,
      to: range ? new Date(`${range.to}T00:00:00Z`) : null,
      summary,
      significantChange: null,
    });
  }
}

/** The numbers behind a point's summary, when it is shown: counts and the FPC population it used. */
export interface PointCounts {
  counts: NpsCounts;
  population?: number;
}

/**
 * Sets each point's significantChange from its counts and the previous point's: compareNps's
 * verdict, null for the first point and wherever either side is missing (suppressed) or empty.
 */
export function markSignificance(points: NpsPoint[], counts: (PointCounts | null)[]): NpsPoint[] {
  points.forEach((point, i) => {
    const before = i > 0 ? counts[i - 1] : null;
    const after = counts[i];
    point.significantChange =
      before && after ? compareNps(before.counts, after.counts, { populationBefore: before.population, populationAfter: after.population }).significant : null;
  });
  return points;
}
