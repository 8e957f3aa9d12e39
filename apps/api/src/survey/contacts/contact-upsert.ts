import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { badInput, conflict, forbidden } from '../../kernel/errors.js';
import { isUniqueViolation } from '../../kernel/pg-errors.js';
import { actorOf, checkContact, loadReferences, EMAIL_TAKEN, type ContactCandidate, type ContactField, type ContactValues } from './contact.rules.js';
import type { ContactInput, UpsertContactsResult, UpsertError } from './contact.types.js';

/** The most contacts one upsertContacts call takes. */
export const MAX_UPSERT = 1000;
const MAX_EXTERNAL_ID = 200;

const FIELDS: Record<ContactField, string> = {
  email: 'email',
  name: 'name',
  language: 'language',
  owner: 'ownerId',
  orgUnit: 'orgUnitId',
  segments: 'segments',
  annualValue: 'annualValue',
};

interface Existing {
  id: string;
  email: string;
  external_id: string | null;
}

/**
 * Contacts from an integrator's system (issue 18): each input is matched to a contact by its
 * externalId when it has one, else by its email, and replaces that contact's fields (as
 * updateContact does; unsubscribed and last invited stay), or becomes a new contact. All or
 * nothing: every input is checked by the same rules as createContact first, and with any problem
 * nothing is written and every problem comes back with its index and field. CX, admins and API
 * clients with contacts:write; a manager may not (their reach is their own contacts only, and a
 * CRM's batch is the whole book).
 */
export async function upsertContacts(ctx: Context, inputs: ContactInput[]): Promise<UpsertContactsResult> {
  const actor = actorOf(ctx);
  if (actor.scope !== 'all') throw forbidden('Managers add and change contacts one at a time; a batch upsert is for CX, admins and API clients');
  if (inputs.length === 0) throw badInput('input', 'Give at least one contact');
  if (inputs.length > MAX_UPSERT) throw badInput('input', `At most ${MAX_UPSERT} contacts per call; send the rest in further calls`);
  try {
    return await ctx.db.transaction((tx) => upsertIn(tx, actor.organizationId, actor, inputs));
  } catch (error) {
    // Two contacts of the batch trading emails, or a concurrent write of the same email.
    if (isUniqueViolation(error)) throw conflict('input', `${EMAIL_TAKEN}: the batch would give two contacts the same email or externalId`);
    throw error;
  }
}

async function upsertIn(tx: EntityManager, organizationId: string, actor: ReturnType<typeof actorOf>, inputs: ContactInput[]): Promise<UpsertContactsResult> {
  {
    const candidates: ContactCandidate[] = inputs.map((input) => ({
      email: input.email,
      name: input.name,
      language: input.language,
      owner: input.ownerId ? { by: 'id', value: input.ownerId } : null,
      orgUnit: input.orgUnitId ? { by: 'id', value: input.orgUnitId } : null,
      segments: input.segments ?? [],
      annualValue: input.annualValue,
    }));
    const refs = await loadReferences(tx, organizationId, candidates);
    const errors: UpsertError[] = [];
    const values: (ContactValues & { externalId: string | null })[] = [];
    candidates.forEach((candidate, index) => {
      const result = checkContact(candidate, refs, actor);
      for (const p of result.problems) errors.push({ index, field: FIELDS[p.field], message: p.message });
      const externalId = inputs[index].externalId?.trim() || null;
      if (externalId && externalId.length > MAX_EXTERNAL_ID) errors.push({ index, field: 'externalId', message: `At most ${MAX_EXTERNAL_ID} characters` });
      if (result.values) values[index] = { ...result.values, externalId };
    });
    errors.push(...duplicates(values));
    const existing = errors.length ? [] : await existingOf(tx, organizationId, values);
    const targets = errors.length ? [] : match(values, existing, errors);
    if (errors.length) return { created: 0, updated: 0, ids: [], errors: errors.sort((a, b) => a.index - b.index) };

    const ids: string[] = [];
    let created = 0;
    for (const [index, v] of values.entries()) {
      const target = targets[index];
      if (target) {
        await tx.query(
          `UPDATE contacts SET email = $3, name = $4, language = $5, owner_id = $6, org_unit_id = $7, segments = $8::jsonb,
                  external_id = coalesce($9, external_id), annual_value = CASE WHEN $10::boolean THEN $11::numeric ELSE annual_value END, updated_at = now()
            WHERE organization_id = $1 AND id = $2`,
          [organizationId, target, v.email, v.name, v.language, v.ownerId, v.orgUnitId, JSON.stringify(v.segments), v.externalId, v.annualValue !== undefined, v.annualValue ?? null],
        );
        ids.push(target);
      } else {
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments, external_id, annual_value, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, now(), now()) RETURNING id`,
          [organizationId, v.email, v.name, v.language, v.ownerId, v.orgUnitId, JSON.stringify(v.segments), v.externalId, v.annualValue ?? null],
        );
        ids.push(row.id);
        created++;
      }
    }
    return { created, updated: values.length - created, ids, errors: [] };
  }
}

/** The same externalId or email twice in one batch: each later one is an error. */
function duplicates(values: (ContactValues & { externalId: string | null })[]): UpsertError[] {
  const errors: UpsertError[] = [];
  const emails = new Map<string, number>();
  const externalIds = new Map<string, number>();
  values.forEach((v, index) => {
    if (!v) return;
    const firstEmail = emails.get(v.email);
    if (firstEmail !== undefined) errors.push({ index, field: 'email', message: `The same email as contact ${firstEmail} of this batch` });
    else emails.set(v.email, index);
    if (v.externalId) {
      const firstId = externalIds.get(v.externalId);
      if (firstId !== undefined) errors.push({ index, field: 'externalId', message: `The same externalId as contact ${firstId} of this batch` });
      else externalIds.set(v.externalId, index);
    }
  });
  return errors;
}

/** The organization's contacts that any input names, by email or externalId, locked for the batch. */
function existingOf(tx: EntityManager, organizationId: string, values: (ContactValues & { externalId: string | null })[]): Promise<Existing[]> {
  return tx.query(
    `SELECT id, email, external_id FROM contacts
      WHERE organization_id = $1 AND (email = ANY($2::text[]) OR external_id = ANY($3::text[]))
      ORDER BY id FOR UPDATE`,
    [organizationId, values.map((v) => v.email), values.flatMap((v) => (v.externalId ? [v.externalId] : []))],
  );
}

/**
 * Each input's contact: by externalId, else by email; null for a new one. An input whose email
 * belongs to another contact than its externalId's, or whose email's contact already has another
 * externalId, is an error on email: merging two contacts is not an upsert's to do.
 */
function match(values: (ContactValues & { externalId: string | null })[], existing: Existing[], errors: UpsertError[]): (string | null)[] {
  const byEmail = new Map(existing.map((c) => [c.email, c]));
  const byExternal = new Map(existing.filter((c) => c.external_id).map((c) => [c.external_id!, c]));
  return values.map((v, index) => {
    const withEmail = byEmail.get(v.email);
    const withId = v.externalId ? byExternal.get(v.externalId) : undefined;
    if (withId) {
      if (withEmail && withEmail.id !== withId.id) errors.push({ index, field: 'email', message: `${EMAIL_TAKEN} (another contact than externalId ${v.externalId})` });
      return withId.id;
    }
    if (withEmail && v.externalId && withEmail.external_id && withEmail.external_id !== v.externalId) {
      errors.push({ index, field: 'externalId', message: `The contact with this email has another externalId (${withEmail.external_id})` });
    }
    return withEmail?.id ?? null;
  });
}
