import { isUuid } from '../../kernel/batch.js';
import { checkEmail, checkLanguage, checkName } from '../../identity/people/person-fields.js';

/**
 * The rules of one transaction, in one place: triggerSurvey, triggerSurveys and the CSV of
 * transactions run every candidate through checkTrigger, so they accept the same values and say
 * the same things. Problems name the input field (the CSV maps them to its columns).
 */

const MAX_ID = 200;
const MAX_ATTRIBUTE = 200;
/** An occurredAt later than this ahead of now is a mistake (a wrong year, a unit in ms). */
const MAX_FUTURE_MS = 24 * 3600_000;

export interface TriggerCandidate {
  transactionId: string | null | undefined;
  email?: string | null;
  externalId?: string | null;
  name?: string | null;
  language?: string | null;
  occurredAt: Date | null | undefined;
  product?: string | null;
  channel?: string | null;
  location?: string | null;
  servedBy?: string | null;
  servedByExternalId?: string | null;
  servedByName?: string | null;
}

/** Who served: a user of the organization (checked against the database later), or a person known by the integrator's id. */
export type ServedBy = { userId: string } | { externalId: string; name: string } | null;

export interface TriggerValues {
  externalId: string;
  contact: { email: string | null; externalId: string | null; name: string | null; language: string };
  occurredAt: Date;
  product: string | null;
  channel: string | null;
  location: string | null;
  servedBy: ServedBy;
}

export interface TriggerProblem {
  field: keyof TriggerCandidate;
  message: string;
}

const text = (value: string | null | undefined) => (value ?? '').trim() || null;

export function checkTrigger(input: TriggerCandidate, now: Date): { values: TriggerValues | null; problems: TriggerProblem[] } {
  const problems: TriggerProblem[] = [];
  const problem = (field: keyof TriggerCandidate, message: string) => problems.push({ field, message });

  const externalId = text(input.transactionId);
  if (!externalId) problem('transactionId', 'Give the transaction id');
  else if (externalId.length > MAX_ID) problem('transactionId', `The transaction id is at most ${MAX_ID} characters`);

  const contactExternalId = text(input.externalId);
  if (contactExternalId && contactExternalId.length > MAX_ID) problem('externalId', `The contact's externalId is at most ${MAX_ID} characters`);
  let email: string | null = null;
  if (text(input.email)) {
    const checked = checkEmail(input.email, { quote: true });
    if (checked.problem) problem('email', checked.problem.message);
    else email = checked.value;
  } else if (!contactExternalId) {
    problem('email', "Give the contact's email or externalId");
  }
  let name: string | null = null;
  if (text(input.name)) {
    const checked = checkName(input.name);
    if (checked.problem) problem('name', checked.problem.message);
    else name = checked.value;
  }
  const language = checkLanguage(input.language);
  if (language.problem) problem('language', language.problem.message);

  const occurredAt = input.occurredAt;
  if (!occurredAt || Number.isNaN(occurredAt.getTime())) problem('occurredAt', 'Give when the transaction happened (an ISO 8601 date and time)');
  else if (occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) problem('occurredAt', 'occurredAt is more than a day in the future');

  const attribute = (field: 'product' | 'channel' | 'location') => {
    const value = text(input[field]);
    if (value && value.length > MAX_ATTRIBUTE) problem(field, `At most ${MAX_ATTRIBUTE} characters`);
    return value;
  };
  const product = attribute('product');
  const channel = attribute('channel');
  const location = attribute('location');

  let servedBy: ServedBy = null;
  const servedByUser = text(input.servedBy);
  const servedByExternalId = text(input.servedByExternalId);
  const servedByName = text(input.servedByName);
  if (servedByUser && servedByExternalId) problem('servedBy', 'Give servedBy (a user) or servedByExternalId, not both');
  else if (servedByUser) {
    if (!isUuid(servedByUser)) problem('servedBy', 'User not found');
    else servedBy = { userId: servedByUser };
  } else if (servedByExternalId) {
    if (servedByExternalId.length > MAX_ID) problem('servedByExternalId', `At most ${MAX_ID} characters`);
    if (!servedByName) problem('servedByName', 'Give the name of the serving employee with servedByExternalId');
    else if (servedByName.length > MAX_ATTRIBUTE) problem('servedByName', `At most ${MAX_ATTRIBUTE} characters`);
    servedBy = { externalId: servedByExternalId, name: servedByName ?? '' };
  } else if (servedByName) {
    problem('servedByExternalId', 'Give servedByExternalId with servedByName (or servedBy for a user)');
  }

  if (problems.length > 0) return { values: null, problems };
  return {
    values: {
      externalId: externalId!,
      contact: { email, externalId: contactExternalId, name, language: language.value! },
      occurredAt: occurredAt!,
      product,
      channel,
      location,
      servedBy,
    },
    problems,
  };
}

/** The served_by key stored on the transaction and its answers. */
export const servedByKey = (servedBy: ServedBy): string | null =>
  servedBy === null ? null : 'userId' in servedBy ? `user:${servedBy.userId}` : `ext:${servedBy.externalId}`;
