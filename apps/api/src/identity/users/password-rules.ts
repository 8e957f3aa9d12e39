import { dictionary } from '@zxcvbn-ts/language-common';
import { badInputOf } from '../../kernel/errors.js';

/**
 * What a new password must be (issue 21), wherever one is set: accepting an invitation and a
 * reset, both through setPassword. At least MIN_PASSWORD characters, at most MAX_PASSWORD, not
 * the account's email (nor its part before the @), and not one of the ~49,000 most common leaked
 * passwords (the zxcvbn-ts common list, shipped in the package: checked offline, nothing leaves
 * the server). BAD_USER_INPUT on `password` with a reason the web app words in its language.
 * Existing passwords are not checked again at login (the demo's "tandem-demo" keeps working; the
 * demo seed writes its hashes directly).
 */

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** True when the password is on the bundled list of the most common leaked passwords (any case). */
export const isCommonPassword = (password: string) => commonPasswords().has(password.toLowerCase());

/** Throws BAD_USER_INPUT on `field` when the password breaks a rule; `email` is the account's. */
export function checkNewPassword(password: string, email: string | null, field = 'password'): void {
  if (password.length < MIN_PASSWORD) {
    throw badInputOf(field, { message: `The password needs at least ${MIN_PASSWORD} characters`, reason: 'PASSWORD_TOO_SHORT', params: { min: MIN_PASSWORD } });
  }
  if (password.length > MAX_PASSWORD) {
    throw badInputOf(field, { message: `The password is longer than ${MAX_PASSWORD} characters`, reason: 'PASSWORD_TOO_LONG', params: { max: MAX_PASSWORD } });
  }
  const lower = password.trim().toLowerCase();
  if (email) {
    const address = email.trim().toLowerCase();
    if (lower === address || lower === address.split('@')[0]) {
      throw badInputOf(field, { message: 'The password must not be your email address', reason: 'PASSWORD_IS_EMAIL' });
    }
  }
  if (isCommonPassword(password) || isCommonPassword(password.trim())) {
    throw badInputOf(field, { message: 'This password is among the most common leaked passwords; choose another', reason: 'PASSWORD_BREACHED' });
  }
}
