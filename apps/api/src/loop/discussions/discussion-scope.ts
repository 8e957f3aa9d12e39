import type { EntityManager } from 'typeorm';
import type { Context, Principal } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { DomainError, notFound } from '../../kernel/errors.js';
import { hasAnyRole } from '../../kernel/policies.js';
import { subtreeSql } from '../../identity/org-units/subtree.js';
import { IDENTIFIED_AUDIENCES } from '../../survey/waves/wave-access.js';
import type { Audience, WaveStatus } from '../../survey/waves/wave.entity.js';

/**
 * Who records a team's discussion of a wave (issue 20):
 *  - ADMIN: any team, any wave;
 *  - HR: any team of an employee wave; CX: any team of a customer, candidate or associate wave;
 *  - MANAGER: the units they manage (org_units.manager_id) or belong to, and every unit below them,
 *    of any wave (a team discusses its eNPS too; the record holds no answer).
 * LEADER reads every discussion and coverage but records none.
 */
export interface WaveOfDiscussion {
  id: string;
  audience: Audience;
  status: WaveStatus;
  name: string;
}

const forbiddenField = (field: string, message: string) => new DomainError('FORBIDDEN', message, field);

/** The wave of the caller's organization, or NOT_FOUND naming the field (another organization's looks like a miss). */
export async function waveOf(db: EntityManager, organizationId: string, waveId: string, field: string): Promise<WaveOfDiscussion> {
  if (!isUuid(waveId)) throw notFound('Wave', field);
  const [wave]: WaveOfDiscussion[] = await db.query(`SELECT id, audience, status, name FROM waves WHERE id = $1 AND organization_id = $2`, [waveId, organizationId]);
  if (!wave) throw notFound('Wave', field);
  return wave;
}

export async function assertUnit(db: EntityManager, organizationId: string, orgUnitId: string, field: string): Promise<void> {
  if (!isUuid(orgUnitId)) throw notFound('Org unit', field);
  const [row] = await db.query(`SELECT id FROM org_units WHERE id = $1 AND organization_id = $2`, [orgUnitId, organizationId]);
  if (!row) throw notFound('Org unit', field);
}

/** The org units a manager answers for: those they manage or belong to, and everything below. */
export async function managedUnits(db: EntityManager, organizationId: string, userId: string): Promise<Set<string>> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM (${subtreeSql('$1', `(SELECT array_agg(id) FROM (
         SELECT id FROM org_units WHERE organization_id = $1 AND manager_id = $2
         UNION SELECT org_unit_id FROM users WHERE organization_id = $1 AND id = $2 AND org_unit_id IS NOT NULL) m)`)}) s`,
    [organizationId, userId],
  );
  return new Set(rows.map((r) => r.id));
}

/** Whether the caller's roles let them act on any team of a wave of this audience. */
export function recordsWholeAudience(principal: Principal, audience: Audience): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.roles.includes('ADMIN')) return true;
  if (audience === 'EMPLOYEE') return principal.roles.includes('HR');
  return principal.roles.includes('CX') && IDENTIFIED_AUDIENCES.includes(audience);
}

/** Whether the caller reads every team's discussion of a wave of this audience (coverage): the recorders, and LEADER. */
export function readsWholeAudience(principal: Principal, audience: Audience): boolean {
  return recordsWholeAudience(principal, audience) || hasAnyRole(principal, ['LEADER']);
}

/**
 * Checks the caller may record the discussion of `orgUnitId` for `wave`, or throws FORBIDDEN naming
 * the field at fault: the team for a manager outside their units, the wave for a role that does not
 * run its audience.
 */
export async function assertMayRecord(ctx: Context, db: EntityManager, wave: WaveOfDiscussion, orgUnitId: string, fields: { wave: string; unit: string }): Promise<void> {
  const principal = ctx.principal!;
  if (recordsWholeAudience(principal, wave.audience)) return;
  if (principal.kind === 'user' && principal.roles.includes('MANAGER')) {
    const units = await managedUnits(db, principal.organizationId, principal.id);
    if (units.has(orgUnitId)) return;
    throw forbiddenField(fields.unit, 'This team is outside your scope: a manager records the discussions of their own teams and the teams below them');
  }
  throw forbiddenField(fields.wave, wave.audience === 'EMPLOYEE' ? 'HR records the discussions of employee waves' : 'CX records the discussions of customer, candidate and associate waves');
}

/** Whether the caller may read the discussion of this team and wave (the recorders in scope, LEADER). */
export async function mayRead(ctx: Context, wave: WaveOfDiscussion, orgUnitId: string): Promise<boolean> {
  const principal = ctx.principal!;
  if (readsWholeAudience(principal, wave.audience)) return true;
  if (principal.kind === 'user' && principal.roles.includes('MANAGER')) return (await managedUnits(ctx.db, principal.organizationId, principal.id)).has(orgUnitId);
  return false;
}

/**
 * How many can take part, where known: an employee wave's participants in the team and below (the
 * snapshot taken at invitation; a count of people invited, never of answers). Unknown (null) for
 * the identified audiences, whose teams are the org units of the people who own the contacts.
 */
export async function teamSizeOf(db: EntityManager, organizationId: string, wave: WaveOfDiscussion, orgUnitId: string): Promise<number | null> {
  if (wave.audience !== 'EMPLOYEE') return null;
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM employee_participations
      WHERE organization_id = $1 AND wave_id = $2 AND org_unit_id IN (${subtreeSql('$1', 'ARRAY[$3]::uuid[]')})`,
    [organizationId, wave.id, orgUnitId],
  );
  return row.n > 0 ? row.n : null;
}
