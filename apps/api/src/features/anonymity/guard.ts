/**
 * The anonymity guard: the one place that decides whether a number over employee answers may be
 * shown (PRODUCT.md section 5). Pure functions over group sizes; the services that read employee
 * answers must pass every aggregate through here, and show nothing that was not released.
 *
 * Threat: a reader combines results they are allowed to see (a filtered group and the same group
 * without one of the filters; a breakdown and its total) to isolate fewer than k people.
 */

/** The smallest threshold any organization may set. */
export const MIN_THRESHOLD = 3;
export const DEFAULT_THRESHOLD = 5;

/** The organization's k, never below MIN_THRESHOLD. */
export function effectiveThreshold(configured: number | null | undefined): number {
  if (configured === null || configured === undefined || !Number.isFinite(configured)) return DEFAULT_THRESHOLD;
  return Math.max(MIN_THRESHOLD, Math.floor(configured));
}

/**
 * Why a group is hidden (never told to the reader: the reason would narrow its size):
 * below k; differing by 1..k-1 from a wider group; hidden to protect another hidden group; or
 * overlapping another dimension's hidden groups (OVERLAP: a period that would hold part of the
 * hidden waves, decided by the caller).
 */
export type SuppressionReason = 'BELOW_THRESHOLD' | 'DIFFERENCING' | 'COMPLEMENTARY' | 'OVERLAP';

export interface Verdict {
  released: boolean;
  reason: SuppressionReason | null;
}

const release: Verdict = { released: true, reason: null };

/**
 * A filtered group of `size` answers may be shown when it has at least k answers, and removing
 * any one of its filters gives a group that differs from it by 0 or at least k answers.
 * `withoutEachFilter` holds the sizes of those one-filter-less groups (empty when unfiltered).
 */
export function guardGroup(size: number, withoutEachFilter: readonly number[], k: number): Verdict {
  if (size < k) return { released: false, reason: 'BELOW_THRESHOLD' };
  for (const wider of withoutEachFilter) {
    const difference = wider - size;
    if (difference > 0 && difference < k) return { released: false, reason: 'DIFFERENCING' };
  }
  return release;
}

export interface BreakdownGroup {
  size: number;
  /** Sizes of this group with each of the query's filters removed (not the breakdown dimension). */
  withoutEachFilter?: readonly number[];
  /** Hidden whatever its size, for a reason the caller decided (see SuppressionReason). */
  forced?: SuppressionReason;
}

export interface BreakdownOptions {
  /**
   * The breakdown's own total (its filter, as a summary) is hidden: then at least one group stays
   * hidden, or the visible groups would add up to the total that was withheld.
   */
  totalHidden?: boolean;
  /**
   * Groups that give the others no cover because a reader may know them to be empty: their
   * answers do not count toward the k that the hidden groups must hold together (so no decision
   * depends on how many answers such a group holds).
   */
  noCover?: readonly boolean[];
}

/**
 * A breakdown into disjoint groups that together make the breakdown's total. Callers list every
 * group of the dimension (every org unit, every location of the roster), empty ones included, plus
 * an "unassigned" group where answers can lack a value: an empty group is suppressed like any small
 * one, so a reader cannot tell which hidden group holds the remainder.
 *
 * Each group is first guarded on its own (threshold, differencing against the query's wider
 * groups, or forced by the caller). Then, since the total minus the visible groups is the sum of
 * the hidden ones, the smallest released groups are hidden too until the hidden groups are at
 * least two and hold at least k answers together (or every group is hidden): no hidden group can
 * be derived by subtraction, and neither can a handful of answers spread over several hidden ones.
 * The sum of the hidden groups is what a reader can compute anyway (total − visible), so deciding
 * on it tells them nothing new. One verdict per group, in order.
 */
export function guardBreakdown(groups: readonly BreakdownGroup[], k: number, options: BreakdownOptions = {}): Verdict[] {
  const verdicts = groups.map((g): Verdict => (g.forced ? { released: false, reason: g.forced } : guardGroup(g.size, g.withoutEachFilter ?? [], k)));
  const hidden = () => verdicts.filter((v) => !v.released).length;
  const hiddenSize = () => groups.reduce((n, g, i) => n + (verdicts[i].released || options.noCover?.[i] ? 0 : g.size), 0);
  if (options.totalHidden && hidden() === 0) hideSmallestReleased(groups, verdicts);
  while (hidden() > 0 && (hidden() === 1 || hiddenSize() < k) && hideSmallestReleased(groups, verdicts));
  return verdicts;
}

/** Hides the smallest released group (the first of equals); false when none is left. */
function hideSmallestReleased(groups: readonly BreakdownGroup[], verdicts: Verdict[]): boolean {
  let next = -1;
  groups.forEach((g, i) => {
    if (verdicts[i].released && (next === -1 || g.size < groups[next].size)) next = i;
  });
  if (next === -1) return false;
  verdicts[next] = { released: false, reason: 'COMPLEMENTARY' };
  return true;
}

/**
 * guardBreakdown for a reader who may already know that some groups are empty: the "unassigned"
 * remainder (a reader who knows the roster may know that nobody lacks an org unit), or a group
 * whose released participation numbers say that nobody in it responded. Such a hidden group gives
 * no cover when it is empty, and is itself exposed when it is not but is the only unknown left.
 * Which groups are possibly known empty must follow from released numbers, never from answers.
 *
 * After guardBreakdown, the smallest released group is hidden too when the hidden groups the reader
 * cannot rule out are at risk: no other hidden group beside possibly-empty ones (one of them may
 * hold answers and be the only unknown), or exactly one other, hidden for its own sake (threshold or
 * differencing), beside possibly-empty ones. The decision looks only at which groups are hidden and
 * flagged, never at how many answers a hidden group holds, so it tells nothing about them.
 */
export function guardBreakdownKnowingEmpty(
  groups: readonly BreakdownGroup[],
  possiblyKnownEmpty: readonly boolean[],
  k: number,
  options: BreakdownOptions = {},
): Verdict[] {
  const verdicts = guardBreakdown(groups, k, { ...options, noCover: possiblyKnownEmpty });
  const hidden = verdicts.map((v, i) => i).filter((i) => !verdicts[i].released);
  const flagged = hidden.filter((i) => possiblyKnownEmpty[i] && verdicts[i].reason !== 'COMPLEMENTARY');
  const others = hidden.filter((i) => !flagged.includes(i));
  const atRisk = flagged.length > 0 && (others.length === 0 || (others.length === 1 && verdicts[others[0]].reason !== 'COMPLEMENTARY'));
  if (atRisk) hideSmallestReleased(groups, verdicts);
  return verdicts;
}
