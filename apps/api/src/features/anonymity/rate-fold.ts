/**
 * Which per-org-unit response counts of an employee wave may be shown (pure; response-rates.ts
 * reads the counts). Counts of participations only — how many were invited, how many responded.
 */

export interface UnitCount {
  /** Org unit id, or "unassigned" for employees without one. */
  key: string;
  label: string;
  orgUnitId: string | null;
  invited: number;
  responded: number;
}

export interface RateFold {
  /** Units shown on their own: each with at least k invited. */
  shown: UnitCount[];
  /** The merged row of the others, when it has at least k invited. */
  other: { members: UnitCount[]; invited: number; responded: number } | null;
  /** Units shown nowhere: only when the whole wave has fewer than k invited. */
  omitted: UnitCount[];
}

/**
 * Which units' counts may be shown. A unit with at least k invited is shown; smaller ones are
 * merged into one "other units" row. The wave's own invited and responded counts are shown too, so
 * the merged row must not be small either (the wave's counts minus the shown rows would give it
 * away): while it has 1 to k − 1 invited, the smallest shown unit joins it. When even all units
 * together have fewer than k invited, nothing is shown (the wave then shows no response count).
 */
export function foldRates(units: readonly UnitCount[], k: number): RateFold {
  const bySize = [...units].filter((u) => u.invited > 0).sort((a, b) => a.invited - b.invited || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  const shown = bySize.filter((u) => u.invited >= k);
  const hidden = bySize.filter((u) => u.invited < k);
  const sum = (list: UnitCount[], field: 'invited' | 'responded') => list.reduce((n, u) => n + u[field], 0);
  while (sum(hidden, 'invited') > 0 && sum(hidden, 'invited') < k && shown.length > 0) hidden.push(shown.shift()!);
  const invited = sum(hidden, 'invited');
  if (invited === 0) return { shown, other: null, omitted: [] };
  if (invited < k) return { shown, other: null, omitted: hidden };
  return { shown, other: { members: hidden, invited, responded: sum(hidden, 'responded') }, omitted: [] };
}

/** Keys of the units whose released counts say that nobody in them responded. */
export function unitsShownAsSilent(fold: RateFold): Set<string> {
  const silent = new Set(fold.shown.filter((u) => u.responded === 0).map((u) => u.key));
  if (fold.other && fold.other.responded === 0) fold.other.members.forEach((u) => silent.add(u.key));
  return silent;
}
