import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../kernel/errors.js';
import { hashSecret, verifySecret } from '../../kernel/passwords.js';

/**
 * One-time recovery codes of a second factor: 10 issued when it is turned on (and again on
 * request), shown once, stored as scrypt hashes (kernel/passwords.ts, as API client secrets), each
 * accepted once at login instead of a TOTP code. A code is 10 characters of an alphabet without
 * look-alikes (about 50 bits), shown as xxxxx-xxxxx; case, spaces and the dash do not matter.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const display = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
const normalize = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');

export const recoveryCodeRefused = (reason: 'RECOVERY_CODE_WRONG' | 'RECOVERY_CODE_USED') =>
  new DomainError(
    'INVALID_CREDENTIALS',
    reason === 'RECOVERY_CODE_USED' ? 'This recovery code has been used already; each works once' : 'The recovery code is not right',
    'recoveryCode',
    { reason },
  );

/** Replaces the user's codes with 10 new ones; answers them (the only time they are seen). */
export async function issueRecoveryCodes(db: EntityManager, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const hashes = await Promise.all(codes.map((code) => hashSecret(code)));
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [userId]);
    await tx.query(`INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, hashes]);
  });
  return codes.map(display);
}

export async function clearRecoveryCodes(db: EntityManager, userId: string): Promise<void> {
  await db.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [userId]);
}

/**
 * Spends one code of the user, once (two racing requests: the UPDATE's condition lets one
 * through). Throws INVALID_CREDENTIALS on recoveryCode, reason RECOVERY_CODE_WRONG or _USED.
 */
export async function spendRecoveryCode(db: EntityManager, userId: string, code: string, now: Date): Promise<void> {
  const given = normalize(code);
  if (!/^[a-z0-9]{10}$/.test(given)) throw recoveryCodeRefused('RECOVERY_CODE_WRONG');
  const rows = (await db.query(`SELECT id, code_hash, used_at FROM totp_recovery_codes WHERE user_id = $1`, [userId])) as { id: string; code_hash: string; used_at: Date | null }[];
  const checks = await Promise.all(rows.map((row) => verifySecret(given, row.code_hash)));
  const match = rows.find((_, i) => checks[i]);
  if (!match) throw recoveryCodeRefused('RECOVERY_CODE_WRONG');
  if (match.used_at) throw recoveryCodeRefused('RECOVERY_CODE_USED');
  const [spent] = (await db.query(`UPDATE totp_recovery_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`, [match.id, now])) as [{ id: string }[], number];
  if (spent.length === 0) throw recoveryCodeRefused('RECOVERY_CODE_USED');
}
