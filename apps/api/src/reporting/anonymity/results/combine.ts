import type { NpsCounts } from '@tandem/nps-core';
import { NpsSummary } from '../../base/nps-summary.type.js';
import type { PointCounts } from '../../base/nps-trend.types.js';
import type { StoredRelease } from '../release/store.js';

/**
 * One release group over several waves: the sum of what each wave's release shows of it. Every
 * number here is a sum of released numbers, so nothing is shown that the releases do not already
 * show one by one; a group hidden in any of the waves is hidden in the sum (the sum would
 * otherwise give the hidden part away, minus the shown waves).
 */
export type Outcome =
  | { state: 'released'; label: string; counts: NpsCounts; invited: number; distribution: number[] | null }
  | { state: 'hidden'; label: string; reason: string }
  | { state: 'absent'; label: string };

export const NOT_RELEASED = 'NOT_RELEASED';

export function combine(releases: readonly (StoredRelease | null)[], key: string, fallbackLabel = key): Outcome {
  let label: string | null = null;
  let hidden: string | null = null;
  let present = false;
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  let invited = 0;
  let distribution: number[] | null = new Array<number>(11).fill(0);
  for (const release of releases) {
    if (!release) {
      hidden ??= NOT_RELEASED;
      continue;
    }
    const row = release.byKey.get(key);
    if (!row) continue;
    label = row.label;
    present = true;
    if (!row.released || !row.counts) {
      hidden = row.hiddenReason ?? 'PROTECTS_SMALLER';
      continue;
    }
    counts.promoters += row.counts.promoters;
    counts.passives += row.counts.passives;
    counts.detractors += row.counts.detractors;
    invited += row.invited;
    distribution = distribution && row.distribution ? distribution.map((n, s) => n + row.distribution![s]) : null;
  }
  const shownLabel = label ?? fallbackLabel;
  if (hidden) return { state: 'hidden', label: shownLabel, reason: hidden };
  // A unit crossed with a location or tenure band exists only where the release made the cross: a
  // cross it did not make is hidden (its people may well have answered), never "0 answers".
  if (!present) return key.includes('|') ? { state: 'hidden', label: shownLabel, reason: 'PROTECTS_SMALLER' } : { state: 'absent', label: shownLabel };
  return { state: 'released', label: shownLabel, counts, invited, distribution };
}

const EMPTY: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };

/** The summary of an outcome: nps-core's numbers with the finite population correction (the people invited). */
export function summaryOf(outcome: Outcome): NpsSummary {
  if (outcome.state === 'hidden') return NpsSummary.suppressed(outcome.reason);
  if (outcome.state === 'absent') return NpsSummary.of(EMPTY);
  const n = outcome.counts.promoters + outcome.counts.passives + outcome.counts.detractors;
  return NpsSummary.of(outcome.counts, outcome.invited >= n && n > 0 ? { population: outcome.invited } : {});
}

/** What a trend point's significance may compare: released, non-empty counts. */
export function pointCountsOf(outcome: Outcome): PointCounts | null {
  if (outcome.state !== 'released') return null;
  const n = outcome.counts.promoters + outcome.counts.passives + outcome.counts.detractors;
  if (n === 0) return null;
  return { counts: outcome.counts, population: outcome.invited >= n ? outcome.invited : undefined };
}
