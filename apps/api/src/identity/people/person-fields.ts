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

/** What is wrong, in English and as a reason with the values it names (for other languages). */
export interface FieldProblem {
  message: string;
  reason: string;
  params?: Record<string, string | number>;
}

export type FieldCheck<T> = { value: T; problem: null } | { value: null; problem: FieldProblem };

const ok = <T>(value: T): FieldCheck<T> => ({ value, problem: null });
const fail = (message: string, reason: string, params?: FieldProblem['params']): FieldCheck<never> => ({ value: null, problem: { message, reason, params } });

/**
 * The email, trimmed and lower-cased. `quote` puts the given value into the message (contacts);
 * the employee roster never repeats an employee's email in a message.
 */
export function checkEmail(raw: string | null | undefined, options: { quote: boolean }): FieldCheck<string> {
  const email = clean(raw).toLowerCase();
  if (!email) return fail('Email is required', 'EMAIL_REQUIRED');
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) {
    return options.quote
      ? fail(`"${clean(raw)}" is not a valid email address`, 'EMAIL_INVALID', { value: clean(raw) })
      : fail('Not a valid email address', 'EMAIL_INVALID');
  }
  return ok(email);
}

export function checkName(raw: string | null | undefined): FieldCheck<string> {
  const name = clean(raw);
  if (!name) return fail('Name is required', 'NAME_REQUIRED');
  if (name.length > MAX_NAME) return fail(`Name is longer than ${MAX_NAME} characters`, 'NAME_TOO_LONG', { max: MAX_NAME });
  return ok(name);
}

/** One of PERSON_LANGUAGES, case-insensitive; empty means DEFAULT_LANGUAGE. */
export function checkLanguage(raw: string | null | undefined): FieldCheck<string> {
  const language = clean(raw).toLowerCase() || DEFAULT_LANGUAGE;
  if (!(PERSON_LANGUAGES as readonly string[]).includes(language)) {
    return fail(`Unknown language "${clean(raw)}"; use one of ${PERSON_LANGUAGES.join(', ')}`, 'LANGUAGE_UNKNOWN', {
      value: clean(raw),
      languages: PERSON_LANGUAGES.join(', '),
    });
  }
  return ok(language);
}
