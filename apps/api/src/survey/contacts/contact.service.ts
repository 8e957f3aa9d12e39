import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from '../../kernel/pg-errors.js';
import type { Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { paginate, type Connection, type PageArgs } from '../../kernel/connection.js';
import { DomainError, badInput, conflict, notFound } from '../../kernel/errors.js';
import { ContactEntity } from './contact.entity.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, firstLines, nothingImported, readImportFile } from '../../platform/csv/import.js';
import { rowError, type CsvTable } from '../../platform/csv/csv-file.js';
import { emptyPreview, previewGroup, type ImportPreview } from '../../platform/csv/import-preview.js';
import { CONTACT_CSV_COLUMNS, contactRows } from './contact.csv.js';
import {
  EMAIL_TAKEN,
  TAKEN_BY_OTHER_OWNER,
  actorOf,
  checkContact,
  loadReferences,
  type Actor,
  type ContactCandidate,
  type ContactField,
  type ContactValues,
  type Problem,
} from './contact.rules.js';
import type { ContactFilter, ContactInput, ContactOrder, ImportResult, RowError } from './contact.types.js';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS };
const MAX_SEARCH = 200;

/** The contacts the actor may see: the organization's, and for a manager only those they own. */
function visible(db: EntityManager, actor: Actor): SelectQueryBuilder<ContactEntity> {
  const qb = db.createQueryBuilder(ContactEntity, 'c').where('c.organization_id = :organizationId', { organizationId: actor.organizationId });
  if (actor.scope === 'own') qb.andWhere('c.owner_id = :me', { me: actor.userId });
  return qb;
}

/** Unknown, another organization's and (for a manager) another owner's contact all answer the same. */
/** A contact the actor may see (a manager: their own); NOT_FOUND otherwise. */
export async function findVisibleContact(db: EntityManager, actor: Actor, id: string): Promise<ContactEntity> {
  const contact = isUuid(id) ? await visible(db, actor).andWhere('c.id = :id', { id }).getOne() : null;
  if (!contact) throw notFound('Contact');
  return contact;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereIdIn(qb: SelectQueryBuilder<ContactEntity>, column: string, param: string, ids: string[] | null | undefined) {
  if (!ids || ids.length === 0) return;
  const valid = ids.filter(isUuid);
  if (valid.length === 0) qb.andWhere('1 = 0');
  else qb.andWhere(`${column} = ANY(:${param})`, { [param]: valid });
}

/** A page of contacts by name (A–Z, then id), with keyset cursors of [lower(name), id]. */
async function pageByName(qb: SelectQueryBuilder<ContactEntity>, page: PageArgs): Promise<Connection<ContactEntity>> {
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first must be from 1 to 100');
  const totalCount = await qb.clone().getCount();
  const q = qb.clone();
  if (page.after) {
    let cursor: unknown;
    try {
      cursor = JSON.parse(Buffer.from(page.after, 'base64url').toString());
    } catch {
      cursor = null;
    }
    if (!Array.isArray(cursor) || cursor.length !== 2 || !cursor.every((v) => typeof v === 'string') || !isUuid(cursor[1])) {
      throw badInput('after', 'The cursor is not valid; pass an endCursor from an earlier page');
    }
    q.andWhere('(lower(c.name), c.id) > (:afterName, :afterId)', { afterName: cursor[0], afterId: cursor[1] });
  }
  const rows = await q.orderBy('lower(c.name)', 'ASC').addOrderBy('c.id', 'ASC').limit(first + 1).getMany();
  const edges = rows.slice(0, first).map((node) => ({ cursor: Buffer.from(JSON.stringify([node.name.toLowerCase(), node.id])).toString('base64url'), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

export function listContacts(ctx: Context, filter: ContactFilter | null, page: PageArgs, order: ContactOrder = 'NEWEST_FIRST'): Promise<Connection<ContactEntity>> {
  const qb = visible(ctx.db, actorOf(ctx));
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) throw badInput('filter.search', `The search text is longer than ${MAX_SEARCH} characters`);
    qb.andWhere('(c.name ILIKE :search OR c.email ILIKE :search)', { search: `%${escapeLike(search)}%` });
  }
  whereIdIn(qb, 'c.owner_id', 'ownerIds', filter?.ownerIds);
  whereIdIn(qb, 'c.org_unit_id', 'orgUnitIds', filter?.orgUnitIds);
  if (filter?.unsubscribed === true) qb.andWhere('c.unsubscribed_at IS NOT NULL');
  if (filter?.unsubscribed === false) qb.andWhere('c.unsubscribed_at IS NULL');
  if (order === 'NAME') return pageByName(qb, page);
  return paginate(qb, page, { alias: 'c', time: 'createdAt' });
}

export async function getContact(ctx: Context, id: string): Promise<ContactEntity> {
  const actor = actorOf(ctx);
  const contact = await ctx.loaders.contact.load(id);
  if (!contact || (actor.scope === 'own' && contact.ownerId !== actor.userId)) throw notFound('Contact');
  return contact;
}

const INPUT_FIELDS: Record<ContactField, string> = {
  email: 'input.email',
  name: 'input.name',
  language: 'input.language',
  owner: 'input.ownerId',
  orgUnit: 'input.orgUnitId',
  segments: 'input.segments',
  annualValue: 'input.annualValue',
};

/** A ContactInput through the shared rules; the first problem becomes the typed error. */
async function checkInput(tx: EntityManager, actor: Actor, input: ContactInput): Promise<ContactValues> {
  const candidate: ContactCandidate = {
    email: input.email,
    name: input.name,
    language: input.language,
    owner: input.ownerId ? { by: 'id', value: input.ownerId } : null,
    orgUnit: input.orgUnitId ? { by: 'id', value: input.orgUnitId } : null,
    segments: input.segments ?? [],
    annualValue: input.annualValue,
  };
  const result = checkContact(candidate, await loadReferences(tx, actor.organizationId, [candidate]), actor);
  if (result.values) return result.values;
  const [first] = result.problems;
  const field = INPUT_FIELDS[first.field];
  const explained = { reason: first.reason, params: first.params ?? {} };
  if (first.kind === 'unknown') throw new DomainError('NOT_FOUND', first.message, field, explained);
  // Every problem too, so a form can mark all its fields at once.
  const problems = result.problems.map((p) => ({ field: INPUT_FIELDS[p.field], message: p.message, reason: p.reason, params: p.params ?? {} }));
  throw badInput(field, first.message, { ...explained, problems });
}

/**
 * The one statement that writes contacts, whatever their number and wherever they come from: `t`
 * (`source`) yields email, name, language, owner_id, org_unit_id, segments and annual_value; $1 is
 * the organization and $2 the source's parameter. `insert` skips an email the organization already
 * has (the caller reports the conflict); `upsert` updates it: name, language, owner and org unit
 * are replaced, and of the segments only the keys in $3 (the file's segment columns) are replaced,
 * so a file without a "product" column keeps each contact's product; likewise the annual value only
 * when $5 (the file has an annual_value column). Unsubscribed contacts stay unsubscribed. A
 * manager's upsert ($4, their id) only touches contacts they own.
 */
export function contactWriteSql(source: string, mode: 'insert' | 'upsert'): string {
  const onConflict =
    mode === 'insert'
      ? 'DO NOTHING'
      : `DO UPDATE SET name = EXCLUDED.name, language = EXCLUDED.language, owner_id = EXCLUDED.owner_id,
           org_unit_id = EXCLUDED.org_unit_id, segments = (contacts.segments - $3::text[]) || EXCLUDED.segments,
           annual_value = CASE WHEN $5::boolean THEN EXCLUDED.annual_value ELSE contacts.annual_value END, updated_at = now()
         WHERE $4::uuid IS NULL OR contacts.owner_id = $4::uuid`;
  return `INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments, annual_value, created_at, updated_at)
     SELECT $1, t.email, t.name, t.language, t.owner_id, t.org_unit_id, t.segments, t.annual_value, now(), now()
       FROM ${source}
     ON CONFLICT (organization_id, email) ${onConflict}`;
}

/** The parameters of contactWriteSql after the source's: the segment keys replaced, a manager's id, and whether annual values are given. */
export const upsertParams = (actor: Actor, segmentKeys: string[], annualValues: boolean) => [segmentKeys, actor.scope === 'own' ? actor.userId : null, annualValues];

const GIVEN_CONTACTS = `jsonb_to_recordset($2::jsonb) AS t(email text, name text, language text, owner_id uuid, org_unit_id uuid, segments jsonb, annual_value numeric)`;

/** Writes the given contacts (contactWriteSql) in one statement. */
async function writeContacts(
  tx: EntityManager,
  actor: Actor,
  rows: ContactValues[],
  mode: 'insert' | 'upsert',
  segmentKeys: string[] = [],
  annualValues = false,
): Promise<{ id: string; inserted: boolean }[]> {
  const payload = JSON.stringify(
    rows.map((r) => ({ email: r.email, name: r.name, language: r.language, owner_id: r.ownerId, org_unit_id: r.orgUnitId, segments: r.segments, annual_value: r.annualValue ?? null })),
  );
  const params: unknown[] = [actor.organizationId, payload];
  if (mode === 'upsert') params.push(...upsertParams(actor, segmentKeys, annualValues));
  return tx.query(`${contactWriteSql(GIVEN_CONTACTS, mode)} RETURNING id, (xmax = 0) AS inserted`, params);
}

export function createContact(ctx: Context, input: ContactInput): Promise<ContactEntity> {
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const values = await checkInput(tx, actor, input);
    const [row] = await writeContacts(tx, actor, [values], 'insert');
    if (!row) throw conflict('input.email', EMAIL_TAKEN);
    return tx.findOneByOrFail(ContactEntity, { id: row.id });
  });
}

/** Replaces every field of a contact the caller may see; unsubscribed and last invited stay. */
export async function updateContact(ctx: Context, id: string, input: ContactInput): Promise<ContactEntity> {
  const actor = actorOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const contact = await findVisibleContact(tx, actor, id);
      const v = await checkInput(tx, actor, input);
      if (v.email !== contact.email && (await tx.existsBy(ContactEntity, { organizationId: actor.organizationId, email: v.email }))) {
        throw conflict('input.email', EMAIL_TAKEN);
      }
      // An input without annualValue (a client from before it) keeps the contact's value.
      await tx.query(
        `UPDATE contacts SET email = $3, name = $4, language = $5, owner_id = $6, org_unit_id = $7, segments = $8::jsonb,
                annual_value = CASE WHEN $9::boolean THEN $10::numeric ELSE annual_value END, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [actor.organizationId, contact.id, v.email, v.name, v.language, v.ownerId, v.orgUnitId, JSON.stringify(v.segments), v.annualValue !== undefined, v.annualValue ?? null],
      );
      return tx.findOneByOrFail(ContactEntity, { id: contact.id });
    });
  } catch (error) {
    // Another request took the email between the check and the write.
    if (isUniqueViolation(error)) throw conflict('input.email', EMAIL_TAKEN);
    throw error;
  }
}

/** Idempotent: unsubscribing again keeps the first date. */
export async function unsubscribeContact(ctx: Context, id: string): Promise<ContactEntity> {
  const actor = actorOf(ctx);
  const contact = await findVisibleContact(ctx.db, actor, id);
  await ctx.db.query(
    `UPDATE contacts SET unsubscribed_at = COALESCE(unsubscribed_at, $3), updated_at = now() WHERE organization_id = $1 AND id = $2`,
    [actor.organizationId, contact.id, ctx.app.now()],
  );
  return ctx.db.findOneByOrFail(ContactEntity, { id: contact.id });
}

const CSV_FIELDS: Record<ContactField, string> = {
  email: 'email',
  name: 'name',
  language: 'language',
  owner: 'owner_email',
  orgUnit: 'org_unit',
  segments: 'segments',
  annualValue: 'annual_value',
};
const csvField = (p: Problem) => (p.field === 'segments' && p.segmentKey ? p.segmentKey : CSV_FIELDS[p.field]);

/**
 * Checks every row of a contacts file (or of a chunk of one: `seen` remembers the emails of the
 * chunks before) against the organization, writing nothing: every bad row with its line and
 * column, or the rows ready to write. Shared by the import, its preview and the import job.
 */
export async function checkContactFile(
  tx: EntityManager,
  actor: Actor,
  table: CsvTable,
  seen = firstLines(),
): Promise<{ errors: RowError[]; valid: { line: number; values: ContactValues }[] }> {
  const rows = contactRows(table);
  const refs = await loadReferences(tx, actor.organizationId, rows.map((row) => row.candidate));
  const errors: RowError[] = [...table.errors];
  const valid: { line: number; values: ContactValues }[] = [];
  for (const { line, candidate } of rows) {
    const result = checkContact(candidate, refs, actor);
    for (const problem of result.problems) errors.push(rowError(line, csvField(problem), problem.message, problem.reason, problem.params));
    if (result.problems.some((p) => p.field === 'email')) continue;
    const email = (candidate.email ?? '').trim().toLowerCase();
    const first = seen.repeatOf(email, line);
    if (first !== undefined) {
      errors.push(rowError(line, 'email', `"${email}" is already on line ${first}; each contact once per file`, 'DUPLICATE_IN_FILE', { line: first, value: email }));
    } else if (result.values) {
      valid.push({ line, values: result.values });
    }
  }
  if (actor.scope === 'own' && valid.length > 0) {
    const taken: { email: string }[] = await tx.query(
      `SELECT email FROM contacts WHERE organization_id = $1 AND email = ANY($2::text[]) AND owner_id IS DISTINCT FROM $3`,
      [actor.organizationId, valid.map((v) => v.values.email), actor.userId],
    );
    for (const { email } of taken) errors.push(rowError(seen.lineOf(email)!, 'email', TAKEN_BY_OTHER_OWNER, 'EMAIL_OWNED_BY_OTHER'));
  }
  return { errors, valid };
}

/**
 * Imports a contacts CSV (see contact.csv.ts for the columns). Every row is checked first, by the
 * rules createContact uses; a file with any bad row imports nothing and reports every bad row with
 * its line and column. Otherwise all rows are written in one transaction and one statement: new
 * emails are created, and an email the organization already has UPDATES that contact (upsert; see
 * writeContacts for what is replaced). `imported` counts both. A manager imports only contacts they
 * own: owner_email empty or their own, and no email that is another owner's contact.
 * An empty or oversized file is a BAD_USER_INPUT error on `csv`, not a row error.
 */
export async function importContacts(ctx: Context, csv: string): Promise<ImportResult> {
  const actor = actorOf(ctx);
  const file = readImportFile(csv, CONTACT_CSV_COLUMNS, 'contacts');
  if (!file.ok) return nothingImported(file.errors);

  const outcome = await ctx.db.transaction(async (tx) => {
    const { errors, valid } = await checkContactFile(tx, actor, file.table);
    if (errors.length > 0) return nothingImported(errors);

    const written = await writeContacts(tx, actor, valid.map((v) => v.values), 'upsert', file.table.extras, file.table.has('annual_value'));
    if (written.length !== valid.length) {
      // A manager's row met a contact another owner created meanwhile: undo everything.
      throw conflict('csv', 'Contacts changed while the file was imported; nothing was imported, please try again');
    }
    const created = written.filter((row) => row.inserted).length;
    return { imported: written.length, created, updated: written.length - created, deactivated: 0, errors: [] };
  });
  if (outcome.imported > 0) {
    ctx.logger.info({ event: 'contacts.imported', created: outcome.created, updated: outcome.updated }, 'contacts imported');
  }
  return outcome;
}

/**
 * What importContacts would do with this file, writing nothing: the same checks and errors, and
 * the contacts it would add and update, by name. Contacts never leave through an import, so
 * `leaving` is always empty.
 */
export async function previewContactImport(ctx: Context, csv: string): Promise<ImportPreview> {
  const actor = actorOf(ctx);
  const file = readImportFile(csv, CONTACT_CSV_COLUMNS, 'contacts');
  if (!file.ok) return emptyPreview(file.errors);
  const { errors, valid } = await checkContactFile(ctx.db, actor, file.table);
  if (errors.length > 0) return emptyPreview(errors);
  return previewOfContacts(ctx.db, actor.organizationId, valid.map((v) => ({ email: v.values.email, name: v.values.name })));
}

/** Who of these people a file adds and who it updates, by name: one query per 5,000 of them. */
export async function previewOfContacts(db: EntityManager, organizationId: string, people: { email: string; name: string }[]): Promise<ImportPreview> {
  const known = new Set<string>();
  for (let i = 0; i < people.length; i += 5000) {
    const emails = people.slice(i, i + 5000).map((p) => p.email);
    const existing: { email: string }[] = await db.query(`SELECT email FROM contacts WHERE organization_id = $1 AND email = ANY($2::text[])`, [organizationId, emails]);
    for (const row of existing) known.add(row.email);
  }
  return {
    errors: [],
    added: previewGroup(people.filter((p) => !known.has(p.email))),
    updated: previewGroup(people.filter((p) => known.has(p.email))),
    leaving: previewGroup([]),
  };
}

// Writes of other modules' flows (the contacts table is written only in this module).

/** A contact unsubscribed through a survey link: never invited again. Idempotent. */
export async function unsubscribeFromLink(db: EntityManager, contactId: string, now: Date): Promise<void> {
  await db.query(`UPDATE contacts SET unsubscribed_at = $2, updated_at = $2 WHERE id = $1 AND unsubscribed_at IS NULL`, [contactId, now]);
}

/** Contacts just invited to a wave: when they were last invited (the invite's cool-down). */
export async function markInvited(db: EntityManager, contactIds: string[], now: Date): Promise<void> {
  if (contactIds.length) await db.query(`UPDATE contacts SET last_invited_at = $2 WHERE id = ANY($1::uuid[])`, [contactIds, now]);
}

/** A transaction's contact (survey/transactions), locked for the throttle check of its invitation. */
export interface TransactionContact {
  id: string;
  email: string;
  externalId: string | null;
  unsubscribed: boolean;
  lastInvitedAt: Date | null;
  /** Created by this call: never invited, nothing waiting. */
  created: boolean;
}

/**
 * The contact a transaction names, locked FOR UPDATE (concurrent transactions of one contact take
 * turns, so the throttle holds): found by externalId, else created with the given email, name and
 * language (tried first: an integrator's transaction is mostly a new customer's, and the new row is
 * this database transaction's alone), else found by email (an email match without an externalId is
 * given the one named). Null when none exists and there is no email to create one with; CONFLICT
 * (externalId) when the email's contact already has another externalId.
 */
export async function lockContactForTransaction(
  tx: EntityManager,
  organizationId: string,
  key: { email: string | null; externalId: string | null; name: string | null; language: string },
): Promise<TransactionContact | null> {
  const select = async (where: string, value: string): Promise<TransactionContact | undefined> => {
    const [row] = await tx.query(
      `SELECT id, email, external_id AS "externalId", unsubscribed_at IS NOT NULL AS unsubscribed, last_invited_at AS "lastInvitedAt", false AS created
         FROM contacts WHERE organization_id = $1 AND ${where} = $2 FOR UPDATE`,
      [organizationId, value],
    );
    return row;
  };
  if (key.externalId) {
    const byId = await select('external_id', key.externalId);
    if (byId) return byId;
  }
  if (!key.email) return null;
  const [created]: TransactionContact[] = await tx.query(
    `INSERT INTO contacts (organization_id, email, name, language, external_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, now(), now()) ON CONFLICT DO NOTHING
     RETURNING id, email, external_id AS "externalId", false AS unsubscribed, NULL::timestamptz AS "lastInvitedAt", true AS created`,
    [organizationId, key.email, key.name ?? key.email.split('@')[0], key.language, key.externalId],
  );
  if (created) return created;
  const byEmail = await select('email', key.email);
  if (!byEmail) return (key.externalId && (await select('external_id', key.externalId))) || null;
  if (!key.externalId || byEmail.externalId === key.externalId) return byEmail;
  if (byEmail.externalId) throw conflict('externalId', 'A contact with this email already has another externalId');
  await tx.query(`UPDATE contacts SET external_id = $2, updated_at = now() WHERE id = $1`, [byEmail.id, key.externalId]);
  return { ...byEmail, externalId: key.externalId };
}
