import { createHash, randomBytes } from 'node:crypto';

/** A respondent's single-use link token: 32 random bytes, base64url (43 characters). */
export const newSurveyToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored; the token itself lives in the mail alone. */
export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A string that could be one of our tokens; anything else is a miss without a database query. */
export const isSurveyToken = (value: unknown): value is string => typeof value === 'string' && SHAPE.test(value);
