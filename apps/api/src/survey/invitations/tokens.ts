import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AppServices } from '../../kernel/context.js';

/** A random link token: 32 random bytes, base64url (43 characters). */
export const newSurveyToken = (): string => randomBytes(32).toString('base64url');

/**
 * The link token of one person in one wave: HMAC-SHA256 under the survey link secret of the wave
 * and the contact (an invitation) or the employee (a participation), 43 base64url characters like
 * a random one. Derived, not stored: only its SHA-256 is kept, and whoever mails the link (a job
 * run again after a crash, a reminder days later) derives the same token, so the mail carries the
 * link the person already has. Without the secret the token is as unguessable as a random one.
 */
export function derivedSurveyToken(secret: string, kind: 'invitation' | 'participation' | 'transaction', waveId: string, personId: string): string {
  return createHmac('sha256', secret).update(`${kind}:${waveId}:${personId}`).digest('base64url');
}

/** A contact's link to an identified wave. */
export const invitationToken = (app: AppServices, waveId: string, contactId: string) =>
  derivedSurveyToken(app.config.surveyLinkSecret, 'invitation', waveId, contactId);

/**
 * A contact's link for one transaction of a transactional programme: the same contact answers a
 * programme once per transaction, so the transaction, not the contact, names the link.
 */
export const transactionToken = (app: AppServices, waveId: string, transactionId: string) =>
  derivedSurveyToken(app.config.surveyLinkSecret, 'transaction', waveId, transactionId);

/** An employee's link to an employee wave. */
export const participationToken = (app: AppServices, waveId: string, employeeId: string) =>
  derivedSurveyToken(app.config.surveyLinkSecret, 'participation', waveId, employeeId);

/** Only this hash is stored; the token itself lives in the mail alone. */
export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A string that could be one of our tokens; anything else is a miss without a database query. */
export const isSurveyToken = (value: unknown): value is string => typeof value === 'string' && SHAPE.test(value);

/** The respondent's page behind a token: the same route for identified and employee surveys. */
export const surveyUrl = (app: AppServices, token: string) => `${app.config.publicUrl}/s/${token}`;
export const unsubscribeUrl = (app: AppServices, token: string) => `${app.config.publicUrl}/unsubscribe/${token}`;
