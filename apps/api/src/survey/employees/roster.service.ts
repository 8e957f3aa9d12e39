import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import type { Connection, PageArgs } from '../../kernel/connection.js';
import { badInput, notFound } from '../../kernel/errors.js';
import type { CsvTable } from '../../platform/csv/csv-file.js';
import { emptyPreview, previewGroup, type ImportPreview } from '../../platform/csv/import-preview.js';
import { firstLines, nothingImported, readImportFile } from '../../platform/csv/import.js';
import { rowError } from '../../platform/csv/csv-file.js';
import type { ImportResult, RowError } from '../../platform/csv/import-result.types.js';
import { EmployeeType, type EmployeeFilter, type RestoreResult } from './employee.types.js';
import { ROSTER_CSV_COLUMNS, checkRosterRow, type RosterValues } from './roster.csv.js';

/**
 * The employee roster: imported from HR's CSV (all or nothing), listed for HR and admins. Roster
 * data only: participations and answers are never reached from here.
 */

const MAX_SEARCH = 200;
const MAX_PAGE = 100;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A roster page ends at a person: their lower-cased name and email (the email is unique), never an id. */
type RosterCursor = [name: string, email: string];
const encodeCursor = (c: RosterCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(cursor: string): RosterCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as RosterCursor;
  } catch {
    // fall through
  }
  throw badInput('after', 'The cursor is not valid; pass an endCursor from an earlier page');
}

interface EmployeeRow {
  email: string;
  name: string;
  language: string;
  org_unit_id: string | null;
  location: string | null;
  tenure_band: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  sort_name: string;
}

/**
 * The organization's roster in alphabetical order (name, then email), with keyset pages. Roster
 * data only; the employees' ids stay inside (no operation takes one, and nothing else shows one).
 */
export async function listEmployees(ctx: Context, filter: EmployeeFilter | null, page: PageArgs): Promise<Connection<EmployeeType>> {
  const organizationId = orgOf(ctx);
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}`);
  const params: unknown[] = [organizationId];
  const where = ['e.organization_id = $1'];
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) throw badInput('filter.search', `The search text is longer than ${MAX_SEARCH} characters`);
    params.push(`%${escapeLike(search)}%`);
    where.push(`(e.name ILIKE $${params.length} OR e.email ILIKE $${params.length})`);
  }
  if (filter?.orgUnitIds && filter.orgUnitIds.length > 0) {
    params.push(filter.orgUnitIds.filter(isUuid));
    where.push(`e.org_unit_id = ANY($${params.length}::uuid[])`);
  }
  if (typeof filter?.active === 'boolean') {
    params.push(filter.active);
    where.push(`e.active = $${params.length}`);
  }
  const [{ count }]: { count: number }[] = await ctx.db.query(`SELECT count(*)::int AS count FROM employees e WHERE ${where.join(' AND ')}`, params);
  if (page.after) {
    const [name, email] = decodeCursor(page.after);
    params.push(name, email);
    where.push(`(lower(e.name), e.email) > ($${params.length - 1}::text, $${params.length}::text)`);
  }
  params.push(first + 1);
  const rows: EmployeeRow[] = await ctx.db.query(
    `SELECT e.email, e.name, e.language, e.org_unit_id, e.location, e.tenure_band, e.active, e.created_at, e.updated_at, lower(e.name) AS sort_name
       FROM employees e
      WHERE ${where.join(' AND ')}
      ORDER BY lower(e.name), e.email
      LIMIT $${params.length}`,
    params,
  );
  const edges = rows.slice(0, first).map((r) => ({
    cursor: encodeCursor([r.sort_name, r.email]),
    node: Object.assign(new EmployeeType(), {
      email: r.email,
      name: r.name,
      language: r.language,
      orgUnitId: r.org_unit_id,
      location: r.location,
      tenureBand: r.tenure_band,
      active: r.active,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: count };
}

/**
 * Writes the roster in two statements, whatever its size: an upsert by email (name, language, org
 * unit and, when the file has the column, location and tenure band are replaced; a leaver listed
 * again is active again), then everyone of the organization the file does not list is marked
 * inactive. Each statement also appends what it changed to the audit trail (roster_changes): new
 * people ADDED, inactive ones listed again RESTORED, active ones in another unit MOVED, those the
 * file leaves out LEFT, each with the unit they are in after the change (or were in when they
 * left). Updates of a name, language, location or tenure band alone are not changes of who is in
 * a unit. Returns the counts.
 */
export async function writeRoster(
  tx: EntityManager,
  organizationId: string,
  people: RosterValues[],
  columns: { location: boolean; tenureBand: boolean },
): Promise<{ created: number; updated: number; deactivated: number }> {
  const payload = JSON.stringify(
    people.map((p) => ({ email: p.email, name: p.name, language: p.language, org_unit_id: p.orgUnitId, location: p.location, tenure_band: p.tenureBand })),
  );
  const listed = { where: `e.email = ANY($2::text[])`, param: people.map((p) => p.email) };
  return writeRosterFrom(tx, organizationId, { from: GIVEN_ROSTER, param: payload, listed }, columns);
}

const GIVEN_ROSTER = `jsonb_to_recordset($2::jsonb) AS t(email text, name text, language text, org_unit_id uuid, location text, tenure_band text)`;

/**
 * A roster to write: `from` is a FROM item named t with email, name, language, org_unit_id,
 * location and tenure_band, reading its rows from the parameter $2 (`param`); $1 is the
 * organization. `listed` says whether the employee `e` is in it, from its own parameter $2: the
 * leavers are the active employees it does not list (a hashed array for given people, an index
 * probe for staged rows; an anti-join against the JSON's function scan would not be planned well).
 */
export interface RosterSource {
  from: string;
  param: unknown;
  listed: { where: string; param: unknown };
}

/** writeRoster from any source: the given people, or an import job's staged rows (roster-import.ts). */
export async function writeRosterFrom(
  tx: EntityManager,
  organizationId: string,
  source: RosterSource,
  columns: { location: boolean; tenureBand: boolean },
): Promise<{ created: number; updated: number; deactivated: number }> {
  // Every part of one statement reads the roster as it was before it (`was`): the upsert's changes are not visible to it.
  const [written]: { created: number; written: number }[] = await tx.query(
    `WITH was AS (
       SELECT email, org_unit_id, active FROM employees WHERE organization_id = $1
     ),
     written AS (
       INSERT INTO employees (organization_id, email, name, language, org_unit_id, location, tenure_band, active, created_at, updated_at)
       SELECT $1, t.email, t.name, t.language, t.org_unit_id, t.location, t.tenure_band, true, now(), now()
         FROM ${source.from}
       ON CONFLICT (organization_id, email) DO UPDATE
          SET name = EXCLUDED.name, language = EXCLUDED.language, org_unit_id = EXCLUDED.org_unit_id,
              location = CASE WHEN $3::boolean THEN EXCLUDED.location ELSE employees.location END,
              tenure_band = CASE WHEN $4::boolean THEN EXCLUDED.tenure_band ELSE employees.tenure_band END,
              active = true, updated_at = now()
       RETURNING id, email, org_unit_id, (xmax = 0) AS inserted
     ),
     changes AS (
       SELECT w.id, w.org_unit_id,
              CASE WHEN w.inserted OR b.email IS NULL THEN 'ADDED'
                   WHEN NOT b.active THEN 'RESTORED'
                   WHEN b.org_unit_id IS DISTINCT FROM w.org_unit_id THEN 'MOVED' END AS kind
         FROM written w LEFT JOIN was b ON b.email = w.email
     ),
     recorded AS (
       INSERT INTO roster_changes (organization_id, employee_id, kind, org_unit_id)
       SELECT $1, id, kind, org_unit_id FROM changes WHERE kind IS NOT NULL
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*)::int AS written FROM written`,
    [organizationId, source.param, columns.location, columns.tenureBand],
  );
  const [{ deactivated }]: { deactivated: number }[] = await tx.query(
    `WITH leavers AS (
       UPDATE employees e SET active = false, updated_at = now()
        WHERE e.organization_id = $1 AND e.active AND NOT (${source.listed.where})
        RETURNING e.id, e.org_unit_id
     ),
     recorded AS (
       INSERT INTO roster_changes (organization_id, employee_id, kind, org_unit_id)
       SELECT $1, id, 'LEFT', org_unit_id FROM leavers
     )
     SELECT count(*)::int AS deactivated FROM leavers`,
    [organizationId, source.listed.param],
  );
  return { created: written.created, updated: written.written - written.created, deactivated };
}

export type RosterChangeKind = 'ADDED' | 'MOVED' | 'LEFT' | 'RESTORED';
interface RosterChangeRow {
  employeeId: string;
  kind: RosterChangeKind;
  orgUnitId: string | null;
}

/** Appends roster changes to the audit trail, in the caller's transaction: one statement. */
export async function recordRosterChanges(tx: EntityManager, organizationId: string, changes: RosterChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO roster_changes (organization_id, employee_id, kind, org_unit_id)
     SELECT $1, t.employee_id, t.kind, t.org_unit_id FROM jsonb_to_recordset($2::jsonb) AS t(employee_id uuid, kind text, org_unit_id uuid)`,
    [organizationId, JSON.stringify(changes.map((c) => ({ employee_id: c.employeeId, kind: c.kind, org_unit_id: c.orgUnitId })))],
  );
}

/**
 * Checks every row of a roster file (or of a chunk of one: `seen` remembers the emails of the
 * chunks before) against the organization's org units, writing nothing.
 */
export async function checkRosterFile(
  db: EntityManager,
  organizationId: string,
  table: CsvTable,
  seen = firstLines(),
): Promise<{ errors: RowError[]; people: (RosterValues & { line: number })[] }> {
  const units: { id: string; name: string }[] = await db.query(`SELECT id, lower(btrim(name)) AS name FROM org_units WHERE organization_id = $1`, [
    organizationId,
  ]);
  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const errors: RowError[] = [...table.errors];
  const people: (RosterValues & { line: number })[] = [];
  for (const row of table.rows) {
    const checked = checkRosterRow(table, row, unitByName);
    errors.push(...checked.errors);
    if (checked.email === null) continue;
    const first = seen.repeatOf(checked.email, row.line);
    if (first !== undefined) errors.push(rowError(row.line, 'email', `This email is already on line ${first}; each employee once per file`, 'DUPLICATE_IN_FILE', { line: first }));
    else if (checked.values) people.push({ ...checked.values, line: row.line });
  }
  return { errors, people };
}

/**
 * Imports the roster CSV (roster.csv.ts). Every row is checked first; a file with any bad row
 * imports nothing and reports every bad row with its line and column (messages never repeat an
 * employee's email). Otherwise, in one transaction: people are created or updated by email, and
 * every active person of the organization the file does not list is marked inactive (a leaver:
 * never invited again; their past participations and answers stay as they are). Imports of one
 * organization run one at a time. An empty or oversized file is BAD_USER_INPUT on `csv`.
 */
export async function importEmployees(ctx: Context, csv: string): Promise<ImportResult> {
  const organizationId = orgOf(ctx);
  const file = readImportFile(csv, ROSTER_CSV_COLUMNS, 'employees');
  if (!file.ok) return nothingImported(file.errors);
  const { table } = file;

  const outcome = await ctx.db.transaction(async (tx): Promise<ImportResult> => {
    // One roster import per organization at a time: the leavers are those missing from THIS file.
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    const { errors, people } = await checkRosterFile(tx, organizationId, table);
    if (errors.length > 0) return nothingImported(errors);
    const counts = await writeRoster(tx, organizationId, people, { location: table.has('location'), tenureBand: table.has('tenure_band') });
    return { imported: counts.created + counts.updated, ...counts, errors: [] };
  });
  if (outcome.errors.length === 0) {
    ctx.logger.info({ event: 'employees.imported', created: outcome.created, updated: outcome.updated, deactivated: outcome.deactivated }, 'employee roster imported');
  }
  return outcome;
}

/**
 * What importEmployees would do with this file, writing nothing: the same checks and errors, the
 * people it would add and update, and the active employees it would mark as leavers, by name.
 */
export async function previewEmployeeImport(ctx: Context, csv: string): Promise<ImportPreview> {
  const organizationId = orgOf(ctx);
  const file = readImportFile(csv, ROSTER_CSV_COLUMNS, 'employees');
  if (!file.ok) return emptyPreview(file.errors);
  const { errors, people } = await checkRosterFile(ctx.db, organizationId, file.table);
  if (errors.length > 0) return emptyPreview(errors);
  return previewOfRoster(ctx.db, organizationId, people);
}

/**
 * Who a roster of these people adds, updates and marks as leaving, by name: the organization's
 * roster read once, compared in memory (a file of 100,000 people is no query parameter).
 */
export async function previewOfRoster(db: EntityManager, organizationId: string, people: { email: string; name: string }[]): Promise<ImportPreview> {
  const roster: { email: string; name: string; active: boolean }[] = await db.query(`SELECT email, name, active FROM employees WHERE organization_id = $1`, [
    organizationId,
  ]);
  const known = new Set(roster.map((row) => row.email));
  const listed = new Set(people.map((p) => p.email));
  const named = people.map((p) => ({ email: p.email, name: p.name }));
  return {
    errors: [],
    added: previewGroup(named.filter((p) => !known.has(p.email))),
    updated: previewGroup(named.filter((p) => known.has(p.email))),
    leaving: previewGroup(roster.filter((row) => row.active && !listed.has(row.email)).map(({ email, name }) => ({ email, name }))),
  };
}

const MAX_RESTORE = 10_000;

/**
 * Brings leavers back onto the active roster, by email (employees have no public id). Every email
 * must be one of the organization's employees (NOT_FOUND on `emails` otherwise, another
 * organization's included, and nothing changes); people already active are counted, not touched.
 * Waves that already invited their participants do not gain the restored people (docs/anonymity.md).
 */
export async function restoreEmployees(ctx: Context, emails: string[]): Promise<RestoreResult> {
  const organizationId = orgOf(ctx);
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
  if (wanted.length === 0) throw badInput('emails', 'Name at least one employee');
  if (wanted.length > MAX_RESTORE) throw badInput('emails', `At most ${MAX_RESTORE} employees at a time`);
  const outcome = await ctx.db.transaction(async (tx) => {
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    const found: { email: string; active: boolean }[] = await tx.query(
      `SELECT email, active FROM employees WHERE organization_id = $1 AND email = ANY($2::text[]) FOR UPDATE`,
      [organizationId, wanted],
    );
    if (found.length !== wanted.length) throw notFound('Employee', 'emails');
    const leavers = found.filter((row) => !row.active).map((row) => row.email);
    if (leavers.length > 0) {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [restored]: [{ id: string; org_unit_id: string | null }[], number] = await tx.query(
        `UPDATE employees SET active = true, updated_at = now() WHERE organization_id = $1 AND email = ANY($2::text[]) RETURNING id, org_unit_id`,
        [organizationId, leavers],
      );
      // The audit trail employees see on their survey page, in the same transaction.
      await recordRosterChanges(tx, organizationId, restored.map((r) => ({ employeeId: r.id, kind: 'RESTORED', orgUnitId: r.org_unit_id })));
    }
    return { restored: leavers.length, alreadyActive: found.length - leavers.length };
  });
  ctx.logger.info({ event: 'employees.restored', restored: outcome.restored }, 'leavers restored');
  return outcome;
}
