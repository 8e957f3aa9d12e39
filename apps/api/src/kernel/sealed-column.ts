import type { EntityManager } from 'typeorm';
import type { Config } from '../config.js';
import { isSealed, openWithKeyring, sealSecret, type Keyring } from './secret-box.js';
import { updateReturning } from './sql.js';

/**
 * A text column of secrets the server reads back, stored sealed (secret-box.ts) and bound to the
 * row's id: users.totp_secret (identity/auth/totp-secrets.ts), webhook_endpoints.secret and
 * previous_secret (integrations/webhooks/secrets.ts). The key is the server's, so no SQL migration can seal a value
 * stored in plain text before, nor seal again one under a key since rotated: sweepSealedColumn does,
 * at start (src/jobs.ts), and each feature seals a stale value again when it next uses it.
 */
export interface SealedColumn {
  /** Table and column names, written into SQL as they are: constants of the code, never input. */
  table: string;
  column: string;
  /** The additional data a row's value is sealed with (its id, with the kind of secret). */
  contextOf(id: string): string;
}

export const keyringOf = (config: Pick<Config, 'secretEncryptionKey' | 'previousSecretEncryptionKeys'>): Keyring => ({
  current: config.secretEncryptionKey,
  previous: config.previousSecretEncryptionKeys,
});

/** Stores `plain` sealed with `key` in place of `stored`, only if the row still holds that same value; answers whether it did. */
export async function sealInPlace(db: EntityManager, key: Buffer, column: SealedColumn, id: string, stored: string, plain: string): Promise<boolean> {
  const rows = await updateReturning(db, `UPDATE ${column.table} SET ${column.column} = $2 WHERE id = $1 AND ${column.column} = $3 RETURNING id`, [
    id,
    sealSecret(key, plain, column.contextOf(id)),
    stored,
  ]);
  return rows.length > 0;
}

export interface SweepCounts {
  /** Stored in plain text, now sealed with the current key. */
  encrypted: number;
  /** Sealed under a previous key, now sealed with the current one. */
  resealed: number;
  /** Sealed under no key of the keyring: left as they are. */
  undecryptable: number;
}

/**
 * Seals with the current key every value of the column stored in plain text and, when the keyring
 * has previous keys, every value that opens only under one of them; answers the counts (never a
 * value). Without previous keys sealed values are not read: nothing to seal again. Each row is
 * written only if it still holds the value read (a conditional UPDATE), so a value set meanwhile
 * (an enrolment, a use that sealed it already) is kept. Rows are read `pageSize` at a time, in
 * the order of their ids, so that a table of many users is never held in memory at once.
 */
export async function sweepSealedColumn(db: EntityManager, keyring: Keyring, column: SealedColumn, pageSize = 500): Promise<SweepCounts> {
  const counts: SweepCounts = { encrypted: 0, resealed: 0, undecryptable: 0 };
  const which = keyring.previous.length > 0 ? '' : ` AND ${column.column} NOT LIKE 'v1:%'`;
  for (let after: string | null = null; ; ) {
    const rows = (await db.query(
      `SELECT id, ${column.column} AS stored FROM ${column.table}
        WHERE ${column.column} IS NOT NULL${which} AND ($1::uuid IS NULL OR id > $1::uuid)
        ORDER BY id LIMIT $2`,
      [after, pageSize],
    )) as { id: string; stored: string }[];
    for (const row of rows) await sweepRow(db, keyring, column, row, counts);
    if (rows.length < pageSize) return counts;
    after = rows[rows.length - 1].id;
  }
}

async function sweepRow(db: EntityManager, keyring: Keyring, column: SealedColumn, row: { id: string; stored: string }, counts: SweepCounts): Promise<void> {
  let opened: { plain: string; stale: boolean };
  try {
    opened = openWithKeyring(keyring, row.stored, column.contextOf(row.id));
  } catch {
    counts.undecryptable++;
    return;
  }
  if (!opened.stale || !(await sealInPlace(db, keyring.current, column, row.id, row.stored, opened.plain))) return;
  if (isSealed(row.stored)) counts.resealed++;
  else counts.encrypted++;
}
