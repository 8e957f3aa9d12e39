/**
 * An NpsFilter as it applies to employee answers, checked by analytics/nps-scope.ts. Employee
 * answers keep only coarse attributes (docs/anonymity.md), so they filter by wave, org unit (with
 * its subtree, as at answer time) and two segments: location and tenure band. Several values of
 * one filter are alternatives; different filters must all match. There is no date filter: a date
 * range has already become the waves that opened within it (wave-dates.ts).
 */
export const EMPLOYEE_SEGMENT_KEYS = ['location', 'tenure_band'] as const;
export type EmployeeSegmentKey = (typeof EMPLOYEE_SEGMENT_KEYS)[number];

export const isEmployeeSegmentKey = (key: string): key is EmployeeSegmentKey => (EMPLOYEE_SEGMENT_KEYS as readonly string[]).includes(key);

export interface EmployeeFilter {
  organizationId: string;
  /** Employee waves of the organization; null for all of them. */
  waveIds: string[] | null;
  /** Each unit with its subtree, matched against the org unit the answer kept. */
  orgUnitIds: string[] | null;
  segments: Partial<Record<EmployeeSegmentKey, string[]>>;
}
