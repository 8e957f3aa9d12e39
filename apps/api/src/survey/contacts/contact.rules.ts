import type { EntityManager } from 'typeorm';
import { orgOf, type Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { forbidden } from '../../kernel/errors.js';
import { snakeKey } from '../../platform/csv/csv-file.js';
import { PERSON_LANGUAGES, checkEmail, checkLanguage, checkName, clean } from '../../identity/people/person-fields.js';

export { snakeKey };
export { DEFAULT_LANGUAGE, MAX_EMAIL, MAX_NAME } from '../../identity/people/person-fields.js';

/**
 * The rules of a contact, in one place: the CSV import and createContact/updateContact both run
 * every candidate through checkContact, so they accept the same values and say the same things.
 */

export const CONTACT_LANGUAGES = PERSON_LANGUAGES;
export const MAX_SEGMENTS = 50;
export const MAX_SEGMENT_KEY = 64;
export const MAX_SEGMENT_VALUE = 200;

/** The contact's own fields, required in a contacts file; a segment may not use these names. */
export const CONTACT_COLUMNS = ['email', 'name', 'language', 'owner_email', 'org_unit'] as const;
/** The contact's own fields a contacts file may leave out; not segment names either. */
export const OPTIONAL_CONTACT_COLUMNS = ['annual_value'] as const;

/**
 * The largest annual value a contact may carry (the column holds up to 10^12 with cents): a
 * bigger one is a typo (a pasted id, cents twice), not an account.
 */
export const MAX_ANNUAL_VALUE = 10_000_000_000;

/**
 * Who is writing or reading contacts. CX, ADMIN and API clients (contacts:write) work on all of
 * the organization's contacts; a manager only on the contacts they own.
 */
export type Actor = { organizationId: string } & ({ scope: 'all' } | { scope: 'own'; userId: string });

export function actorOf(ctx: Context): Actor {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  if (principal.kind === 'api') return { organizationId, scope: 'all' };
  if (principal.roles.includes('ADMIN') || principal.roles.includes('CX')) return { organizationId, scope: 'all' };
  if (principal.roles.includes('MANAGER')) return { organizationId, scope: 'own', userId: principal.id };
  throw forbidden();
}

/** A contact as given, before any check: from a CSV row or from a ContactInput. */
export interface ContactCandidate {
  email: string | null | undefined;
  name: string | null | undefined;
  language: string | null | undefined;
  /** Empty means the default: the manager themselves, or no owner. */
  owner: { by: 'id' | 'email'; value: string } | null;
  orgUnit: { by: 'id' | 'name'; value: string } | null;
  segments: { key: string; value: string }[];
  /**
   * The account's annual value, in the organization's money: a number (input) or text (a CSV cell).
   * Undefined: not given, the contact keeps the value it has; null or '': no value.
   */
  annualValue?: number | string | null;
}

/** A contact that passed every check, ready to write. */
export interface ContactValues {
  email: string;
  name: string;
  language: string;
  ownerId: string | null;
  orgUnitId: string | null;
  segments: Record<string, string>;
  /** Undefined: keep the contact's value; null: none. Rounded to cents. */
  annualValue: number | null | undefined;
}

export type ContactField = 'email' | 'name' | 'language' | 'owner' | 'orgUnit' | 'segments' | 'annualValue';

/** What is wrong with one field. `unknown` is a reference that does not exist (NOT_FOUND for an id). */
export interface Problem {
  field: ContactField;
  /** For segment problems: the (normalised) key at fault. */
  segmentKey?: string;
  kind: 'invalid' | 'unknown';
  message: string;
  /** A stable code for the message, with the values it names (RowError.reason and params). */
  reason: string;
  params?: Record<string, string | number>;
}

/** The organization's users and org units the candidates refer to, looked up in a few queries. */
export interface References {
  ownerByEmail: Map<string, string>;
  ownerIds: Set<string>;
  unitByName: Map<string, string>;
  unitIds: Set<string>;
}

/** Looks up every owner and org unit the candidates name: one query each, whatever their number. */
export async function loadReferences(db: EntityManager, organizationId: string, candidates: ContactCandidate[]): Promise<References> {
  const emails = new Set<string>();
  const ids = new Set<string>();
  for (const { owner } of candidates) {
    if (owner?.by === 'email') emails.add(owner.value.trim().toLowerCase());
    else if (owner?.by === 'id' && isUuid(owner.value)) ids.add(owner.value.toLowerCase());
  }
  const users: { id: string; email: string }[] =
    emails.size + ids.size === 0
      ? []
      : await db.query(
          `SELECT id, lower(email) AS email FROM users
            WHERE organization_id = $1 AND active AND (lower(email) = ANY($2::text[]) OR id = ANY($3::uuid[]))`,
          [organizationId, [...emails], [...ids]],
        );
  const needUnits = candidates.some((c) => c.orgUnit !== null);
  const units: { id: string; name: string }[] = needUnits
    ? await db.query(`SELECT id, lower(name) AS name FROM org_units WHERE organization_id = $1`, [organizationId])
    : [];
  return {
    ownerByEmail: new Map(users.map((u) => [u.email, u.id])),
    ownerIds: new Set(users.map((u) => u.id)),
    unitByName: new Map(units.map((u) => [u.name.trim(), u.id])),
    unitIds: new Set(units.map((u) => u.id)),
  };
}

function checkSegments(given: { key: string; value: string }[], problems: Problem[]): Record<string, string> {
  const segments: Record<string, string> = {};
  const seen = new Set<string>();
  for (const { key: rawKey, value: rawValue } of given) {
    const key = snakeKey(rawKey);
    const value = clean(rawValue);
    const fail = (message: string, reason: string, params: Problem['params'] = {}) =>
      problems.push({ field: 'segments', segmentKey: key || rawKey, kind: 'invalid', message, reason, params: { segment: key || rawKey, ...params } });
    if (!key) fail(`Segment key "${rawKey}" needs letters or digits`, 'SEGMENT_KEY_EMPTY');
    else if (key.length > MAX_SEGMENT_KEY) fail(`Segment key "${key}" is longer than ${MAX_SEGMENT_KEY} characters`, 'SEGMENT_KEY_TOO_LONG', { max: MAX_SEGMENT_KEY });
    else if ([...CONTACT_COLUMNS, ...OPTIONAL_CONTACT_COLUMNS].includes(key as never)) fail(`"${key}" is a contact field, not a segment`, 'SEGMENT_IS_CONTACT_FIELD');
    else if (seen.has(key)) fail(`Segment "${key}" is given twice`, 'SEGMENT_REPEATED');
    else if (value.length > MAX_SEGMENT_VALUE) fail(`Segment "${key}" is longer than ${MAX_SEGMENT_VALUE} characters`, 'VALUE_TOO_LONG', { max: MAX_SEGMENT_VALUE });
    else if (value) segments[key] = value;
    seen.add(key);
  }
  if (Object.keys(segments).length > MAX_SEGMENTS) {
    problems.push({ field: 'segments', kind: 'invalid', message: `A contact has at most ${MAX_SEGMENTS} segments`, reason: 'TOO_MANY_SEGMENTS', params: { max: MAX_SEGMENTS } });
  }
  return segments;
}

function checkOwner(candidate: ContactCandidate, refs: References, actor: Actor, problems: Problem[]): string | null {
  const owner = candidate.owner && clean(candidate.owner.value) ? candidate.owner : null;
  const fallback = actor.scope === 'own' ? actor.userId : null;
  if (!owner) return fallback;
  const value = clean(owner.value).toLowerCase();
  const id = owner.by === 'email' ? refs.ownerByEmail.get(value) : isUuid(value) && refs.ownerIds.has(value) ? value : undefined;
  if (actor.scope === 'own' && id !== actor.userId) {
    problems.push({ field: 'owner', kind: 'invalid', message: 'A manager can only own their contacts: leave the owner empty or name yourself', reason: 'OWNER_NOT_SELF' });
    return null;
  }
  if (!id) {
    const message = owner.by === 'email' ? `No active user with email "${clean(owner.value)}" in your organization` : 'Owner not found';
    problems.push({ field: 'owner', kind: 'unknown', message, reason: 'OWNER_UNKNOWN', params: { value: clean(owner.value) } });
    return null;
  }
  return id;
}

function checkOrgUnit(candidate: ContactCandidate, refs: References, problems: Problem[]): string | null {
  const value = clean(candidate.orgUnit?.value);
  if (!candidate.orgUnit || !value) return null;
  const id =
    candidate.orgUnit.by === 'name'
      ? refs.unitByName.get(value.toLowerCase())
      : isUuid(value) && refs.unitIds.has(value.toLowerCase())
        ? value.toLowerCase()
        : undefined;
  if (!id) {
    const message = candidate.orgUnit.by === 'name' ? `No org unit named "${value}" in your organization` : 'Org unit not found';
    problems.push({ field: 'orgUnit', kind: 'unknown', message, reason: 'ORG_UNIT_UNKNOWN', params: { value } });
    return null;
  }
  return id;
}

/** A plain decimal: digits, at most one point and two decimals (no thousands separators: "1,200" means two things). */
const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** The annual value: empty is none; otherwise a number from 0 to MAX_ANNUAL_VALUE, rounded to cents. */
export function checkAnnualValue(raw: number | string | null | undefined, problems: Problem[]): number | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
  const fail = (message: string, reason: string, params?: Problem['params']) => {
    problems.push({ field: 'annualValue', kind: 'invalid', message, reason, params });
    return null;
  };
  const text = typeof raw === 'string' ? raw.trim() : null;
  if (text !== null && text.startsWith('-') && DECIMAL.test(text.slice(1))) return fail('The annual value cannot be negative', 'ANNUAL_VALUE_NEGATIVE');
  if (text !== null && !DECIMAL.test(text)) {
    return fail(`The annual value "${text.slice(0, 40)}" is not a number; write it like 12000 or 12000.50, without currency or separators`, 'ANNUAL_VALUE_NOT_A_NUMBER', { value: text.slice(0, 40) });
  }
  const value = text !== null ? Number(text) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('The annual value is not a number', 'ANNUAL_VALUE_NOT_A_NUMBER');
  if (value < 0) return fail('The annual value cannot be negative', 'ANNUAL_VALUE_NEGATIVE');
  if (value > MAX_ANNUAL_VALUE) return fail(`The annual value is more than ${MAX_ANNUAL_VALUE.toLocaleString('en')}`, 'ANNUAL_VALUE_TOO_LARGE', { max: MAX_ANNUAL_VALUE });
  return Math.round(value * 100) / 100;
}

/** Every rule of one contact: its values when all hold, otherwise every problem found. */
export function checkContact(
  candidate: ContactCandidate,
  refs: References,
  actor: Actor,
): { values: ContactValues; problems: [] } | { values: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const email = checkEmail(candidate.email, { quote: true });
  if (email.problem) problems.push({ field: 'email', kind: 'invalid', ...email.problem });
  const name = checkName(candidate.name);
  if (name.problem) problems.push({ field: 'name', kind: 'invalid', ...name.problem });
  const language = checkLanguage(candidate.language);
  if (language.problem) problems.push({ field: 'language', kind: 'invalid', ...language.problem });
  const ownerId = checkOwner(candidate, refs, actor, problems);
  const orgUnitId = checkOrgUnit(candidate, refs, problems);
  const segments = checkSegments(candidate.segments, problems);
  const annualValue = checkAnnualValue(candidate.annualValue, problems);
  if (problems.length > 0 || email.value === null || name.value === null || language.value === null) return { values: null, problems };
  return { values: { email: email.value, name: name.value, language: language.value, ownerId, orgUnitId, segments, annualValue }, problems: [] };
}

/** The message for an email that another owner's contact already uses (managers only). */
export const TAKEN_BY_OTHER_OWNER = 'A contact with this email already exists and belongs to another owner';
export const EMAIL_TAKEN = 'A contact with this email already exists';
