/**
 * Leaderboards that do not reward luck.
 *
 * Ranking by the plain score lets 2 responses at NPS 100 beat 200 responses at NPS 80.
 * Instead we rank by the lower bound of the 95 % interval — "at least this good, with
 * 95 % confidence" — which penalizes small samples, and require a minimum sample size
 * to be eligible at all.
 *
 * Order: eligible entries first, then ineligible ones; within each group by lower bound
 * (descending, none last), then more responses, then name (localeCompare, 'en'). Further
 * tie-breaks (name by code units, value, then the counts) make the order depend only on
 * the entries' data, never on input order. Ranks are 1..n over all entries in that order.
 */

import type { BandDefinition } from './bands.js';
import type { NpsCounts } from './counts.js';
import { type NpsSummary, summarize } from './summary.js';
import { wilson, type WilsonInterval } from './wilson.js';

export const DEFAULT_MIN_RESPONSES = 10;
export const DEFAULT_MIN_INVITED = 10;

export type NpsEntry<T> = { item: T; name: string; counts: NpsCounts };

export type RankOptions = {
  /** Responses needed to be eligible (default 10). An entry without responses is never eligible. */
  minResponses?: number;
  /** Bands for the summaries (default DEFAULT_BANDS). */
  bands?: BandDefinition;
};

export type RankedEntry<T> = {
  item: T;
  name: string;
  /** 1-based position over all entries, eligible ones first. */
  rank: number;
  /** Plain NPS (null without responses). */
  value: number | null;
  /** Lower end of the adjusted-Wald 95 % interval (null without responses). */
  lowerBound: number | null;
  responses: number;
  eligible: boolean;
  /** Why the entry is not eligible, e.g. "needs at least 10 responses, has 3"; null when eligible. */
  note: string | null;
  summary: NpsSummary;
};

/** Ranks NPS entries by the lower bound of their 95 % interval (see the module comment). */
export function rankByLowerBound<T>(entries: readonly NpsEntry<T>[], options: RankOptions = {}): RankedEntry<T>[] {
  const minResponses = checkMinimum('minResponses', options.minResponses ?? DEFAULT_MIN_RESPONSES);
  const rows = entries.map((entry) => {
    checkName(entry.name);
    const summary = summarize(entry.counts, options.bands === undefined ? {} : { bands: options.bands });
    const eligible = summary.responses > 0 && summary.responses >= minResponses;
    const row: Omit<RankedEntry<T>, 'rank'> = {
      item: entry.item,
      name: entry.name,
      value: summary.nps,
      lowerBound: summary.ciLow,
      responses: summary.responses,
      eligible,
      note: eligible ? null : `needs at least ${plural(Math.max(1, minResponses), 'response')}, has ${summary.responses}`,
      summary,
    };
    return row;
  });
  rows.sort(
    (a, b) =>
      compareCommon(a, b, a.responses, b.responses) ||
      b.summary.promoters - a.summary.promoters ||
      a.summary.detractors - b.summary.detractors,
  );
  return rows.map((row, i) => ({ ...row, rank: i + 1 }));
}

export type RateEntry<T> = { item: T; name: string; responded: number; invited: number };

export type RateRankOptions = {
  /** Invitations needed to be eligible (default 10). An entry without invitations is never eligible. */
  minInvited?: number;
};

export type RankedRateEntry<T> = {
  item: T;
  name: string;
  rank: number;
  /** responded / invited (null when nobody was invited). */
  value: number | null;
  /** Lower end of the 95 % Wilson interval (null when nobody was invited). */
  lowerBound: number | null;
  responded: number;
  invited: number;
  eligible: boolean;
  /** Why the entry is not eligible, e.g. "needs at least 10 invited, has 3"; null when eligible. */
  note: string | null;
  interval: WilsonInterval | null;
};

/**
 * Ranks response rates (responded/invited) by the lower bound of their 95 % Wilson
 * interval; same ordering rules as rankByLowerBound, with invited as the sample size.
 */
export function rankByRateLowerBound<T>(
  entries: readonly RateEntry<T>[],
  options: RateRankOptions = {},
): RankedRateEntry<T>[] {
  const minInvited = checkMinimum('minInvited', options.minInvited ?? DEFAULT_MIN_INVITED);
  const rows = entries.map((entry) => {
    checkName(entry.name);
    const ci = wilson(entry.responded, entry.invited);
    const eligible = entry.invited > 0 && entry.invited >= minInvited;
    const row: Omit<RankedRateEntry<T>, 'rank'> = {
      item: entry.item,
      name: entry.name,
      value: entry.invited === 0 ? null : entry.responded / entry.invited,
      lowerBound: ci === null ? null : ci.low,
      responded: entry.responded,
      invited: entry.invited,
      eligible,
      note: eligible ? null : `needs at least ${Math.max(1, minInvited)} invited, has ${entry.invited}`,
      interval: ci,
    };
    return row;
  });
  rows.sort((a, b) => compareCommon(a, b, a.invited, b.invited) || b.responded - a.responded);
  return rows.map((row, i) => ({ ...row, rank: i + 1 }));
}

type Sortable = { eligible: boolean; lowerBound: number | null; name: string; value: number | null };

/** Eligible first, lower bound desc, sample size desc, name (en), name (code units), value desc. */
function compareCommon(a: Sortable, b: Sortable, sizeA: number, sizeB: number): number {
  return (
    Number(b.eligible) - Number(a.eligible) ||
    descNullsLast(a.lowerBound, b.lowerBound) ||
    sizeB - sizeA ||
    a.name.localeCompare(b.name, 'en') ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    descNullsLast(a.value, b.value)
  );
}

function descNullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function checkMinimum(option: string, value: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${option} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function checkName(name: unknown): void {
  if (typeof name !== 'string') throw new TypeError(`Every entry needs a string name, got ${String(name)}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
