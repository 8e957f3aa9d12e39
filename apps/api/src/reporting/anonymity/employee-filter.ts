import { ALL_KEY, crossKey, demographicKey, unitKey } from './release/groups.js';
import type { Demographic } from './release/model.js';

/**
 * An NpsFilter as it applies to employee results (checked by analytics/nps-scope.ts and
 * resolveEmployeeFilter): some released waves and ONE group of their releases — the whole wave, an
 * org unit, a location or tenure band, or a unit with one location or tenure band where the
 * release has that cross. There is no free crossing and no list of several units or values: a
 * filter can only pick what a release already holds (PRODUCT.md section 5).
 */
export const EMPLOYEE_SEGMENT_KEYS = ['location', 'tenure_band'] as const satisfies readonly Demographic[];
export type EmployeeSegmentKey = (typeof EMPLOYEE_SEGMENT_KEYS)[number];

export const isEmployeeSegmentKey = (key: string): key is EmployeeSegmentKey => (EMPLOYEE_SEGMENT_KEYS as readonly string[]).includes(key);

export interface EmployeeFilter {
  organizationId: string;
  /** The employee waves selected (by id, by their close dates, or all), oldest close first. */
  waveIds: string[];
  unitId: string | null;
  segment: { key: EmployeeSegmentKey; value: string } | null;
}

/** The release group a filter names. */
export function groupKeyOf(f: Pick<EmployeeFilter, 'unitId' | 'segment'>): string {
  if (f.unitId && f.segment) return crossKey(f.unitId, f.segment.key, f.segment.value);
  if (f.unitId) return unitKey(f.unitId);
  if (f.segment) return demographicKey(f.segment.key, f.segment.value);
  return ALL_KEY;
}
