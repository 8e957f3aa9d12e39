import type { Context, Principal } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { subtreeSql } from '../../identity/org-units/subtree.js';
import { badInput, forbidden } from '../../kernel/errors.js';
import { resolveEmployeeFilter, type DaySpan, type EmployeeFilter } from '../anonymity/index.js';
import { mayReadEmployeeResults } from '../base/policies.js';
import { snakeKey } from '../../survey/contacts/contact.rules.js';
import { readableAudiences } from '../../survey/waves/wave-access.js';
import type { WaveEntity } from '../../survey/waves/wave.entity.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { IDENTIFIED_ROLLUP_AUDIENCES, type IdentifiedAudience } from '../base/nps-counts.js';
import type { IdentifiedSelection } from '../base/identified-counts.js';
import { IDENTIFIED_READERS, hasAnyRole } from '../../kernel/policies.js';

/**
 * What an NpsFilter covers for this caller: either employee answers, which report only through the
 * anonymity guard (reporting/anonymity/employee-results/), or identified responses
 * selected by a WHERE clause over `responses r` with its parameters.
 */
export type NpsScope =
  | {
      kind: 'employee';
      filter: EmployeeFilter;
      /** The filter's dates, already turned into waves; a trend lays its periods out over them. */
      span: DaySpan;
    }
  | {
      kind: 'identified';
      where: string;
      params: unknown[];
      organizationId: string;
      /** The filter's org units (each with its subtree), for breakdowns by org unit. */
      orgUnitIds: string[] | null;
      /** The same selection as plain values, for counting from the rollup (identified-counts.ts). */
      selection: IdentifiedSelection;
    };

const MAX_IDS = 500;
const DAY_MS = 24 * 3600 * 1000;

/**
 * How far a caller's analytics reach: identified results (everyone's, or one owner's), and employee
 * results (HR, ADMIN, LEADER, analytics:read clients; a manager their own unit's — never CX).
 */
export function analyticsAccess(principal: Principal): { identified: boolean; ownerId: string | null; employee: boolean } {
  const employee = mayReadEmployeeResults(principal) || (principal.kind === 'user' && principal.roles.includes('MANAGER'));
  if (principal.kind === 'api') return { identified: true, ownerId: null, employee };
  const wide = hasAnyRole(principal, IDENTIFIED_READERS);
  if (wide) return { identified: true, ownerId: null, employee };
  if (principal.roles.includes('MANAGER')) return { identified: true, ownerId: principal.id, employee };
  return { identified: false, ownerId: null, employee };
}

/** Distinct ids of one list filter, or null when it is left out or empty; more than MAX_IDS is bad input. */
function idList(ids: string[] | null | undefined, field: string): string[] | null {
  if (!ids || ids.length === 0) return null;
  const distinct = [...new Set(ids)];
  if (distinct.length > MAX_IDS) throw badInput(field, `At most ${MAX_IDS} ids`);
  return distinct;
}

/** Every id must name a row the caller may see (a loader answers null for another organization's). */
async function requireKnown<T>(ids: string[] | null, load: (ids: string[]) => Promise<(T | null | Error)[]>, visible: (row: T) => boolean, field: string, what: string) {
  if (!ids) return [];
  const rows = await load(ids);
  return rows.map((row, i) => {
    if (row === null || row instanceof Error || !visible(row)) throw badInput(field, `Unknown ${what}: ${ids[i]}`);
    return row;
  });
}

function segmentsByKey(segments: NpsFilter['segments']): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const { key, value } of segments ?? []) {
    const k = snakeKey(key);
    if (k.length === 0) throw badInput('filter.segments', 'A segment key must not be empty');
    byKey.set(k, [...new Set([...(byKey.get(k) ?? []), value.trim()])]);
  }
  return byKey;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The filter's transaction attributes (products, channels, servedBy, touchpoints) as [rollup dim, distinct values]. */
const TRANSACTION_FILTERS = [
  ['products', 'product'],
  ['channels', 'channel'],
  ['servedBy', 'served_by'],
  ['touchpoints', 'touchpoint'],
] as const;
const MAX_VALUE_LENGTH = 200;

function transactionFilters(filter: NpsFilter): [string, string[]][] {
  const chosen: [string, string[]][] = [];
  for (const [field, dim] of TRANSACTION_FILTERS) {
    const given = filter[field];
    if (!given || given.length === 0) continue;
    const values = [...new Set(given.map((v) => v.trim()))];
    if (values.some((v) => v.length === 0 || v.length > MAX_VALUE_LENGTH)) {
      throw badInput(`filter.${field}`, `Each value must have 1 to ${MAX_VALUE_LENGTH} characters`);
    }
    if (values.length > MAX_IDS) throw badInput(`filter.${field}`, `At most ${MAX_IDS} values`);
    chosen.push([dim, values]);
  }
  return chosen;
}

/**
 * Checks an NpsFilter for the caller — bad input names the filter field; another organization's ids
 * answer like unknown ones — and turns it into the scope of responses it covers. A manager's scope
 * is always their own contacts' responses; HR's is employee answers only.
 *
 * Employee answers are covered when the filter says audience EMPLOYEE, names employee waves, or
 * the caller reads nothing else (HR); `employeeOnly` (employeeComments) insists on them. Employee
 * and identified waves never mix in one filter. Employee filters have no owners, and their only
 * segments are location and tenure_band.
 */
export async function resolveNpsScope(ctx: Context, filter: NpsFilter, options: { employeeOnly?: boolean } = {}): Promise<NpsScope> {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  const access = analyticsAccess(principal);
  const employeeOnly = options.employeeOnly === true;

  if (employeeOnly && filter.audience && filter.audience !== 'EMPLOYEE') throw badInput('filter.audience', 'Employee comments cover the EMPLOYEE audience only');
  if ((filter.audience === 'EMPLOYEE' || employeeOnly) && !access.employee) throw forbidden('You may not read employee results');
  if (filter.audience && filter.audience !== 'EMPLOYEE' && !access.identified) throw forbidden('HR reads employee results only');
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) throw badInput('filter.to', 'to must be on or after from');
  const segments = segmentsByKey(filter.segments);
  const transaction = transactionFilters(filter);
  const waveIds = idList(filter.waveIds, 'filter.waveIds');
  const orgUnitIds = idList(filter.orgUnitIds, 'filter.orgUnitIds');
  const ownerIds = idList(filter.ownerIds, 'filter.ownerIds');

  const readable = readableAudiences(principal);
  // A manager reads the released results of their own unit in employee waves they cannot list:
  // they may name those waves (the ids of their trend's points), and nothing else of them.
  const visibleWave = (w: WaveEntity) => readable.has(w.audience) || (w.audience === 'EMPLOYEE' && access.employee);
  const waves: WaveEntity[] = await requireKnown(waveIds, (ids) => ctx.loaders.wave.loadMany(ids), visibleWave, 'filter.waveIds', 'wave');
  await requireKnown(orgUnitIds, (ids) => ctx.loaders.orgUnit.loadMany(ids), () => true, 'filter.orgUnitIds', 'org unit');
  await requireKnown(ownerIds, (ids) => ctx.loaders.user.loadMany(ids), () => true, 'filter.ownerIds', 'owner');
  if (access.ownerId && ownerIds?.some((id) => id !== access.ownerId)) {
    throw forbidden("A manager reads only their own contacts' results; leave ownerIds out or pass your own id");
  }

  const employeeWave = waves.find((w) => w.audience === 'EMPLOYEE');
  const identifiedWave = waves.find((w) => w.audience !== 'EMPLOYEE');
  if (employeeWave && identifiedWave) {
    throw badInput('filter.waveIds', 'Employee waves (anonymous) and identified waves cannot be mixed in one filter');
  }
  if (filter.audience && filter.audience !== 'EMPLOYEE' && employeeWave) throw badInput('filter.waveIds', `Not a ${filter.audience} wave: ${employeeWave.id}`);
  // A manager reads identified results unless the filter asks for employees.
  const employee = employeeOnly || filter.audience === 'EMPLOYEE' || employeeWave !== undefined || !access.identified;
  if (employee && identifiedWave) throw badInput('filter.waveIds', `Not an employee wave: ${identifiedWave.id}`);

  if (employee) {
    if (!access.employee) throw forbidden('You may not read employee results');
    if (transaction.length > 0) {
      const field = TRANSACTION_FILTERS.find(([, dim]) => dim === transaction[0][0])![0];
      throw badInput(`filter.${field}`, 'Employee answers carry no transaction: filter them by org unit, wave or segment');
    }
    const resolved = await resolveEmployeeFilter(ctx, organizationId, filter, waveIds);
    return { kind: 'employee', filter: resolved.filter, span: resolved.span };
  }

  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const org = p(organizationId);
  const where = [`r.organization_id = ${org}`];
  if (filter.audience) where.push(`r.audience = ${p(filter.audience)}`);
  if (waveIds) where.push(`r.wave_id = ANY(${p(waveIds)}::uuid[])`);
  if (filter.from) where.push(`r.submitted_at >= ${p(filter.from)}`);
  if (filter.to) where.push(`r.submitted_at < ${p(new Date(filter.to.getTime() + DAY_MS))}`);
  if (orgUnitIds) where.push(`r.org_unit_id IN (${subtreeSql(org, p(orgUnitIds))})`);
  const owners = access.ownerId ? [access.ownerId] : ownerIds;
  if (owners) where.push(`r.owner_id = ANY(${p(owners)}::uuid[])`);
  for (const [key, values] of segments) where.push(`r.segments ->> ${p(key)} = ANY(${p(values)}::text[])`);
  // The column is the rollup dimension's name (a constant above, never the caller's text).
  for (const [dim, values] of transaction) where.push(`r.${dim} = ANY(${p(values)}::text[])`);
  const selection: IdentifiedSelection = {
    audiences: filter.audience ? [filter.audience as IdentifiedAudience] : [...IDENTIFIED_ROLLUP_AUDIENCES],
    waveIds,
    from: filter.from ? isoDay(filter.from) : null,
    to: filter.to ? isoDay(filter.to) : null,
    orgUnitIds,
    ownerIds: owners,
    segments: [...segments],
    transaction,
  };
  return { kind: 'identified', where: where.join(' AND '), params, organizationId, orgUnitIds, selection };
}
