import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AppServices } from '../../kernel/context.js';
import { accountMail } from '../../platform/mail/account-mail.js';
import type { UserEntity } from './user.entity.js';

/**
 * Single-use, expiring links that set a password: INVITE for a user's first password, RESET to
 * choose a new one. The token lives only in the mail; the table keeps its SHA-256. Issuing a new
 * link spends the user's earlier unused ones, so only the latest mail works.
 */

export type LinkPurpose = 'INVITE' | 'RESET';
export const LINK_HOURS: Record<LinkPurpose, number> = { INVITE: 7 * 24, RESET: 2 };

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
const SHAPE = /^[A-Za-z0-9_-]{43}$/;
export const isLinkToken = (value: string) => SHAPE.test(value);

export const passwordUrl = (app: AppServices, token: string) => `${app.config.publicUrl}/set-password/${token}`;

/** A new link for the user, in the caller's transaction; earlier unused links stop working. */
export async function issueLink(tx: EntityManager, user: Pick<UserEntity, 'id' | 'organizationId'>, purpose: LinkPurpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.query(`UPDATE password_links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [user.id, now]);
  await tx.query(
    `INSERT INTO password_links (organization_id, user_id, purpose, token_hash, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5::timestamptz + make_interval(hours => $6::int), $5)`,
    [user.organizationId, user.id, purpose, hashLinkToken(token), now, LINK_HOURS[purpose]],
  );
  return token;
}

/** Mails a link after its row is committed. A failure is logged without the link, and rethrown. */
export async function mailLink(
  app: AppServices,
  user: Pick<UserEntity, 'email' | 'name' | 'language'>,
  purpose: LinkPurpose,
  token: string,
  organizationName: string,
  invitedBy?: string,
): Promise<void> {
  try {
    await app.mailer.send(
      accountMail(purpose, {
        to: user.email,
        name: user.name,
        language: user.language,
        organizationName,
        invitedBy,
        url: passwordUrl(app, token),
        expiresInHours: LINK_HOURS[purpose],
      }),
    );
  } catch (error) {
    app.logger.error({ err: error, purpose }, 'a password link mail could not be sent');
    throw error;
  }
}
