import { createHash, randomBytes } from 'node:crypto';
import type { AppServices } from '../../kernel/context.js';

/** A respondent's single-use link token: 32 random bytes, base64url (43 characters). */
export const newSurveyToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored; the token itself lives in the mail alone. */
export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A string that could be one of our tokens; anything else is a miss without a database query. */
export const isSurveyToken = (value: unknown): value is string => typeof value === 'string' && SHAPE.test(value);

/** The respondent's page behind a token: the same route for identified and employee surveys. */
export const surveyUrl = (app: AppServices, token: string) => `${app.config.publicUrl}/s/${token}`;
export const unsubscribeUrl = (app: AppServices, token: string) => `${app.config.publicUrl}/unsubscribe/${token}`;
