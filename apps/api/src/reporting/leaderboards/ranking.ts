import { compareNps, rankByLowerBound, rankByRateLowerBound, type NpsCounts } from '@tandem/nps-core';
import { NpsSummary } from '../base/nps-summary.type.js';

/**
 * The order of a leaderboard (pure; the service reads the numbers). NPS ranks by the lower end of
 * the 95 % adjusted-Wald interval and RESPONSE_RATE by the lower end of the Wilson interval — both
 * through nps-core (rankByLowerBound, rankByRateLowerBound) — so that 2 answers at 100 do not beat
 * 200 at 80. NPS_IMPROVEMENT ranks by the change from the previous period (significance by
 * compareNps) and IMPROVEMENTS_IMPLEMENTED by the count, in the same order: eligible first, then
 * the key (descending, none last), more responses, the name, and the id, so the order depends only
 * on the data.
 */

export interface Ranked {
  rank: number;
  entityId: string | null;
  name: string;
  value: number;
  rankedBy: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  responses: number;
  invited: number | null;
  eligible: boolean;
  note: string | null;
  summary: NpsSummary | null;
  previous: NpsSummary | null;
  significant: boolean | null;
}

export interface Subject {
  entityId: string | null;
  name: string;
}

const ZERO: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
const total = (c: NpsCounts) => c.promoters + c.passives + c.detractors;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "7 responses; 10 needed" */
export const responsesNote = (n: number, min: number) => `${plural(n, 'response')}; ${min} needed`;

const base = (s: Subject): Omit<Ranked, 'rank' | 'value' | 'rankedBy' | 'responses' | 'eligible' | 'note'> => ({
  entityId: s.entityId,
  name: s.name,
  ciLow: null,
  ciHigh: null,
  invited: null,
  summary: null,
  previous: null,
  significant: null,
});

/** NPS by the lower bound of the 95 % interval (nps-core's rankByLowerBound). */
export function rankNps(subjects: readonly (Subject & { counts: NpsCounts })[], minResponses: number): Ranked[] {
  return rankByLowerBound(
    subjects.map((s) => ({ item: s, name: s.name, counts: s.counts })),
    { minResponses },
  ).map((r) => ({
    ...base(r.item),
    rank: r.rank,
    value: r.value ?? 0,
    rankedBy: r.lowerBound,
    ciLow: r.summary.ciLow,
    ciHigh: r.summary.ciHigh,
    responses: r.responses,
    eligible: r.eligible,
    note: r.eligible ? null : responsesNote(r.responses, minResponses),
    summary: NpsSummary.of(r.item.counts),
  }));
}

/** Response rates by the lower bound of the Wilson interval (nps-core's rankByRateLowerBound); eligible from `minInvited` invited. */
export function rankRates(
  subjects: readonly (Subject & { invited: number; responded: number; counts: NpsCounts | null })[],
  minInvited: number,
): Ranked[] {
  return rankByRateLowerBound(
    subjects.map((s) => ({ item: s, name: s.name, invited: s.invited, responded: s.responded })),
    { minInvited },
  ).map((r) => ({
    ...base(r.item),
    rank: r.rank,
    value: r.value ?? 0,
    rankedBy: r.lowerBound,
    ciLow: r.interval?.low ?? null,
    ciHigh: r.interval?.high ?? null,
    responses: r.responded,
    invited: r.invited,
    eligible: r.eligible,
    note: r.eligible ? null : `${r.invited} invited; ${minInvited} needed`,
    summary: r.item.counts ? NpsSummary.of(r.item.counts) : null,
  }));
}

/**
 * Change of NPS from the previous period of the same length; eligible with the minimum of
 * responses in both periods. The interval is the change ± compareNps's threshold (the 95 %
 * interval of a difference of independent samples), significant when it leaves out 0.
 */
export function rankImprovement(
  subjects: readonly (Subject & { counts: NpsCounts; before: NpsCounts })[],
  minResponses: number,
  labels: { period: string; previous: string },
): Ranked[] {
  const rows = subjects.map((s) => {
    const now = total(s.counts);
    const then = total(s.before);
    const cmp = compareNps(s.before, s.counts);
    const eligible = now > 0 && then > 0 && now >= minResponses && then >= minResponses;
    const short = [now < minResponses || now === 0 ? `${labels.period}: ${plural(now, 'response')}` : null, then < minResponses || then === 0 ? `${labels.previous}: ${plural(then, 'response')}` : null]
      .filter(Boolean)
      .join(', ');
    return {
      ...base(s),
      value: cmp.change ?? 0,
      rankedBy: cmp.change,
      ciLow: cmp.change === null ? null : cmp.change - cmp.threshold,
      ciHigh: cmp.change === null ? null : cmp.change + cmp.threshold,
      responses: now,
      eligible,
      note: eligible ? null : `${short}; ${minResponses} needed in both`,
      summary: NpsSummary.of(s.counts),
      previous: NpsSummary.of(s.before),
      significant: cmp.significant,
    };
  });
  return order(rows);
}

/** A count (improvements implemented); eligible with the minimum of responses in the period. */
export function rankCounts(subjects: readonly (Subject & { count: number; counts: NpsCounts | null })[], minResponses: number): Ranked[] {
  const rows = subjects.map((s) => {
    const counts = s.counts ?? ZERO;
    const responses = total(counts);
    const eligible = responses > 0 && responses >= minResponses;
    return {
      ...base(s),
      value: s.count,
      rankedBy: s.count,
      responses,
      eligible,
      note: eligible ? null : responsesNote(responses, minResponses),
      summary: NpsSummary.of(counts),
    };
  });
  return order(rows);
}

type Row = Omit<Ranked, 'rank'>;

/** Eligible first, rankedBy descending (none last), more responses, name (en), name (code units), id. */
export function compareRows(a: Row, b: Row): number {
  return (
    Number(b.eligible) - Number(a.eligible) ||
    descNullsLast(a.rankedBy, b.rankedBy) ||
    b.responses - a.responses ||
    a.name.localeCompare(b.name, 'en') ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.entityId ?? '').localeCompare(b.entityId ?? '')
  );
}

export function order(rows: Row[]): Ranked[] {
  return [...rows].sort(compareRows).map((r, i) => ({ ...r, rank: i + 1 }));
}

function descNullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}
