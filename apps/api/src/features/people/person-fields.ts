/**
 * The fields every surveyed person has, contacts and employees alike: an email (unique within the
 * organization, stored lower-case), a name, and the language their mail and survey page use.
 * contact.rules.ts and employees/roster.rules.ts both check them here, so both accept the same.
 */

export const PERSON_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
export const DEFAULT_LANGUAGE = 'en';
export const MAX_EMAIL = 254;
export const MAX_NAME = 200;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const clean = (value: string | null | undefined) => (value ?? '').trim();

export type FieldCheck<T> = { value: T; problem: null } | { value: null; problem: string };

const ok = <T>(value: T): FieldCheck<T> => ({ value, problem: null });
const fail = (problem: string): FieldCheck<never> => ({ value: null, problem });

/**
 * The email, trimmed and lower-cased. `quote` puts the given value into the message (contacts);
 * the employee roster never repeats an employee's email in a message.
 */
export function checkEmail(raw: string | null | undefined, options: { quote: boolean }): FieldCheck<string> {
  const email = clean(raw).toLowerCase();
  if (!email) return fail('Email is required');
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) {
    return fail(options.quote ? `"${clean(raw)}" is not a valid email address` : 'Not a valid email address');
  }
  return ok(email);
}

export function checkName(raw: string | null | undefined): FieldCheck<string> {
  const name = clean(raw);
  if (!name) return fail('Name is required');
  if (name.length > MAX_NAME) return fail(`Name is longer than ${MAX_NAME} characters`);
  return ok(name);
}

/** One of PERSON_LANGUAGES, case-insensitive; empty means DEFAULT_LANGUAGE. */
export function checkLanguage(raw: string | null | undefined): FieldCheck<string> {
  const language = clean(raw).toLowerCase() || DEFAULT_LANGUAGE;
  if (!(PERSON_LANGUAGES as readonly string[]).includes(language)) {
    return fail(`Unknown language "${clean(raw)}"; use one of ${PERSON_LANGUAGES.join(', ')}`);
  }
  return ok(language);
}
