import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput } from '../../kernel/errors.js';

/**
 * The submission id a respondent's page sends with an answer (issue 21): generated once per answer
 * in the browser (crypto.randomUUID), and sent again with every retry of that answer's submit. Only
 * its SHA-256 is kept, beside the spent link (invitations.submission_hash, or the employee's
 * employee_participations.submission_hash) and never on the answer itself; so a retry of a stored
 * answer is answered ok instead of CONFLICT, and an anonymous answer gains nothing that leads back
 * to the person: the participation already says that the person answered, the hash adds only that
 * the browser knew a random number, and the answer row holds neither.
 */

const SUBMISSION_ID = /^[A-Za-z0-9-]{16,64}$/;

/** The stored form of a submission id; null without one. BAD_USER_INPUT (submissionId) for a malformed id. */
export function submissionHash(submissionId: string | null | undefined): string | null {
  if (submissionId === null || submissionId === undefined) return null;
  if (!SUBMISSION_ID.test(submissionId)) throw badInput('submissionId', 'submissionId must be 16 to 64 letters, digits or dashes (a UUID)');
  return createHash('sha256').update(submissionId).digest('hex');
}

/** True when the invitation was spent by this very submission (a retry of a stored answer). */
export async function invitationSpentBy(db: EntityManager, invitationId: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  const [row] = await db.query(`SELECT 1 FROM invitations WHERE id = $1 AND status = 'RESPONDED' AND submission_hash = $2`, [invitationId, hash]);
  return Boolean(row);
}

/** True when the employee's link was spent by this very submission. */
export async function participationSpentBy(db: EntityManager, tokenHash: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  const [row] = await db.query(`SELECT 1 FROM employee_participations WHERE token_hash = $1 AND responded AND submission_hash = $2`, [tokenHash, hash]);
  return Boolean(row);
}
