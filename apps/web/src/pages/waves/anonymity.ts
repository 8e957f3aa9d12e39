import type { BreakdownDimension } from '../../gql/graphql';

// How the HR wave page words what the anonymity guard withheld (PRODUCT.md 5, docs/anonymity.md).
// The server decides what is hidden; these only pick the sentence and make sure nothing hidden
// carries a number onto the page.

/** Why the server hid a group, when it says (guard.ts: SuppressionReason). */
export type HiddenReason = 'BELOW_THRESHOLD' | 'DIFFERENCING' | 'COMPLEMENTARY';

export interface Notice {
  /** i18n key. */
  key: string;
  params: Record<string, number>;
}

const withK = (k: number | null | undefined): k is number => typeof k === 'number' && Number.isFinite(k) && k > 0;

/**
 * The notice for a hidden group: too few answers, or hidden so it cannot be worked out from the
 * others (differencing, complementary suppression); without a reason, the generic one. With the
 * organization's k when known, else "the reporting threshold".
 */
export function hiddenNotice(reason: string | null | undefined, k: number | null | undefined): Notice {
  const K = withK(k);
  switch (reason) {
    case 'BELOW_THRESHOLD':
      return K ? { key: 'anonymity.hiddenFewerK', params: { k } } : { key: 'anonymity.hiddenFewer', params: {} };
    case 'DIFFERENCING':
    case 'COMPLEMENTARY':
      return { key: 'anonymity.hiddenDerivable', params: {} };
    default:
      return K ? { key: 'anonymity.hiddenK', params: { k } } : { key: 'anonymity.hidden', params: {} };
  }
}

/** A key with its k variant: `${key}K` with { k } when k is known. */
export function thresholdText(key: string, k: number | null | undefined): Notice {
  return withK(k) ? { key: `${key}K`, params: { k } } : { key, params: {} };
}

/** A guarded summary's numbers, or null when the server suppressed it: nothing hidden is displayed. */
export function shownSummary<S extends { suppressed: boolean }>(summary: S | null | undefined): S | null {
  return summary && !summary.suppressed ? summary : null;
}

/** The dimensions HR can break an employee wave down by: the coarse attributes an answer keeps. */
export const EMPLOYEE_DIMENSIONS = [
  { id: 'orgUnit', by: 'ORG_UNIT', segmentKey: null },
  { id: 'location', by: 'SEGMENT', segmentKey: 'location' },
  { id: 'tenureBand', by: 'SEGMENT', segmentKey: 'tenure_band' },
] as const satisfies readonly { id: string; by: BreakdownDimension; segmentKey: string | null }[];

export type EmployeeDimensionId = (typeof EMPLOYEE_DIMENSIONS)[number]['id'];

export const dimensionOf = (id: string) => EMPLOYEE_DIMENSIONS.find((d) => d.id === id) ?? EMPLOYEE_DIMENSIONS[0];

/** The server's "no value" and "merged" keys (npsBreakdown's "unassigned", response rates' "other"). */
export const UNASSIGNED_KEY = 'unassigned';
export const OTHER_KEY = 'other';

type Translate = (key: string) => string;

/**
 * A group's label in the interface language: the server's label (an org unit's name, a location,
 * a tenure band) as it is; the remainder and merged groups, which the server labels in English,
 * by their key.
 */
export function groupLabel(group: { key: string; label: string }, dimension: EmployeeDimensionId | 'rates', t: Translate): string {
  if (group.key === UNASSIGNED_KEY) return t(`anonymity.unassigned.${dimension}`);
  if (group.key === OTHER_KEY && dimension === 'rates') return t('anonymity.otherUnits');
  return group.label;
}
