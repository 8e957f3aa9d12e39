import type { Context } from '../../../kernel/context.js';
import { badInput, forbidden } from '../../../kernel/errors.js';
import type { NpsFilter } from '../../base/nps-filter.input.js';
import { snakeKey } from '../../../survey/contacts/contact.rules.js';
import { employeeReadScope } from '../../base/policies.js';
import { EMPLOYEE_SEGMENT_KEYS, isEmployeeSegmentKey, type EmployeeFilter, type EmployeeSegmentKey } from '../employee-filter.js';
import { employeeWavesClosedIn, employeeWavesOf, type DaySpan } from '../employee-waves.js';

/**
 * An NpsFilter over employee results, checked: the caller's waves (named, or those that closed
 * between from and to, or all released ones) and ONE group of their releases. Bad input names the
 * field: several org units or segment values (a release has no such group: pick one, or break
 * down), an owner, a segment key other than location and tenure_band. A manager reads their own
 * unit and the units below it, and their unit when the filter names none.
 */
export async function resolveEmployeeFilter(ctx: Context, organizationId: string, filter: NpsFilter, waveIds: string[] | null): Promise<{ filter: EmployeeFilter; span: DaySpan }> {
  const access = await employeeReadScope(ctx);
  if (!access) throw forbidden('You may not read employee results');
  if (filter.ownerIds?.length) throw badInput('filter.ownerIds', 'Employee answers have no owners: leave ownerIds out');
  const units = [...new Set(filter.orgUnitIds ?? [])];
  if (units.length > 1) {
    throw badInput('filter.orgUnitIds', 'Employee results are released per group: name one org unit, or break the results down by org unit');
  }
  const segments = (filter.segments ?? []).map((s) => ({ key: snakeKey(s.key), value: s.value.trim() }));
  const distinct = [...new Map(segments.map((s) => [`${s.key}\u0000${s.value}`, s])).values()];
  if (distinct.length > 1) {
    throw badInput('filter.segments', 'Employee results are released per group: name one location or one tenure band, or break the results down by it');
  }
  const segment = distinct[0] ?? null;
  if (segment && !isEmployeeSegmentKey(segment.key)) {
    throw badInput('filter.segments', `Unknown segment key "${segment.key}" for employee results: use ${EMPLOYEE_SEGMENT_KEYS.join(' or ')}`);
  }
  let unitId = units[0] ?? null;
  if (access.kind === 'unit') {
    unitId ??= access.unitId;
    if (!(await isWithin(ctx, unitId, access.unitId))) throw forbidden("A manager reads the employee results of their own org unit and the units below it");
  }
  const span: DaySpan = { from: filter.from ? filter.from.toISOString().slice(0, 10) : null, to: filter.to ? filter.to.toISOString().slice(0, 10) : null };
  let selected: string[];
  if (span.from || span.to) selected = await employeeWavesClosedIn(ctx, organizationId, span, waveIds);
  else if (waveIds) {
    // Named waves in close order; a draft or running one has no release and hides the result.
    const order = (await employeeWavesOf(ctx, organizationId)).map((w) => w.id);
    selected = [...waveIds].sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity));
  }
  else selected = (await employeeWavesOf(ctx, organizationId)).filter((w) => w.closedOn !== null).map((w) => w.id);
  return {
    filter: { organizationId, waveIds: selected, unitId, segment: segment ? { key: segment.key as EmployeeSegmentKey, value: segment.value } : null },
    span,
  };
}

/** Is a unit the given one or below it? */
async function isWithin(ctx: Context, unitId: string, root: string): Promise<boolean> {
  for (let id: string | null = unitId, hops = 0; id && hops < 100; hops++) {
    if (id === root) return true;
    id = (await ctx.loaders.orgUnit.load(id))?.parentId ?? null;
  }
  return false;
}
