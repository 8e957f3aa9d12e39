import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestApp } from './test-app.js';

/** One .eml file of the outbox, with its quoted-printable bodies decoded. */
export interface OutboxMail {
  file: string;
  to: string;
  raw: string;
  /** Both parts, decoded (quoted-printable and base64). */
  body: string;
  /** The token of the survey link, /s/<token>. */
  token: string;
}

/** Quoted-printable: soft line breaks out, =XX bytes decoded as UTF-8. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The parts nodemailer sent as base64 (mostly non-Latin text, such as Russian), decoded. */
function decodeBase64Parts(raw: string): string {
  const parts = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)];
  return parts.map((m) => '\n' + Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8')).join('');
}

/** Every mail in the test app's outbox, oldest first (by when the file was written: wave mails have fixed names). */
export function outbox(app: TestApp): OutboxMail[] {
  const dir = app.config.outboxDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => ({ f, at: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => a.at - b.at || a.f.localeCompare(b.f))
    .map(({ f }) => {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      const body = decodeQuotedPrintable(raw) + decodeBase64Parts(raw);
      const to = /^To: (.+)$/m.exec(raw)?.[1].trim() ?? '';
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? '';
      return { file: f, to, raw, body, token };
    });
}

/** The mails to one address, oldest first. */
export const mailsTo = (app: TestApp, email: string) => outbox(app).filter((m) => m.to === email);

/** The newest mail to an address; fails the test when there is none. */
export function lastMailTo(app: TestApp, email: string): OutboxMail {
  const mail = mailsTo(app, email).at(-1);
  if (!mail) throw new Error(`no mail to ${email} in the outbox`);
  return mail;
}

const CREATE_WAVE = `mutation($input: CreateWaveInput!) { createWave(input: $input) { id status } }`;
const OPEN_WAVE = `mutation($id: ID!) { openWave(id: $id) { id status } }`;

/** A wave created and opened through the API (createWave + openWave); returns its id. */
export async function openWave(
  app: TestApp,
  token: string,
  input: {
    name: string;
    audience?: string;
    languages?: string[];
    ratings?: { criterion: string; texts: { language: string; text: string }[] }[];
    publicTitles?: { language: string; text: string }[];
  },
): Promise<string> {
  const created = await app.gql(CREATE_WAVE, { input: { audience: 'CUSTOMER', ...input } }, token);
  if (!created.data?.createWave) throw new Error(`createWave failed: ${JSON.stringify(created.errors)}`);
  const id = created.data.createWave.id as string;
  const opened = await app.gql(OPEN_WAVE, { id }, token);
  if (opened.data?.openWave?.status !== 'OPEN') throw new Error(`openWave failed: ${JSON.stringify(opened.errors)}`);
  return id;
}

/** A DRAFT wave through the API; returns its id. */
export async function draftWave(app: TestApp, token: string, input: { name: string; audience?: string; languages?: string[] }): Promise<string> {
  const created = await app.gql(CREATE_WAVE, { input: { audience: 'CUSTOMER', ...input } }, token);
  if (!created.data?.createWave) throw new Error(`createWave failed: ${JSON.stringify(created.errors)}`);
  return created.data.createWave.id as string;
}

/**
 * Contacts through the API's CSV import (email,name,language,owner_email,org_unit + segments);
 * returns their ids by email.
 */
export async function importContacts(app: TestApp, token: string, rows: string[][], header = 'email,name,language,owner_email,org_unit,region,product'): Promise<Record<string, string>> {
  const csv = [header, ...rows.map((r) => r.join(','))].join('\n');
  const res = await app.gql(`mutation($csv: String!) { importContacts(csv: $csv) { imported errors { line field message } } }`, { csv }, token);
  if (!res.data?.importContacts || res.data.importContacts.errors.length) throw new Error(`importContacts failed: ${JSON.stringify(res)}`);
  const emails = rows.map((r) => r[0]);
  const found: { id: string; email: string }[] = await app.db.dataSource.query(`SELECT id, email FROM contacts WHERE email = ANY($1)`, [emails]);
  return Object.fromEntries(found.map((c) => [c.email, c.id]));
}

export const INVITE = `mutation($waveId: ID!, $contactIds: [ID!], $target: InvitationTargetInput) {
  inviteToWave(waveId: $waveId, contactIds: $contactIds, target: $target) { invited skipped alreadyInvited throttled unsubscribed failed } }`;
/** The explicit target of "everyone": inviteToWave has no default. */
export const ALL = { all: true };
export const SURVEY = `query($token: String!, $language: String) {
  surveyByToken(token: $token, language: $language) {
    waveName audience language languages alreadyAnswered closed closesAt unsubscribed
    questions { id kind text criterion min max maxLength } } }`;
export const SUBMIT = `mutation($token: String!, $input: ResponseInput!) { submitResponse(token: $token, input: $input) { ok } }`;

/** Invites one contact to a wave and returns the token of the mail it got. */
export async function inviteOne(app: TestApp, token: string, waveId: string, contactId: string, email: string): Promise<string> {
  const res = await app.gql(INVITE, { waveId, contactIds: [contactId] }, token);
  if (res.data?.inviteToWave?.invited !== 1) throw new Error(`inviteToWave failed: ${JSON.stringify(res)}`);
  return lastMailTo(app, email).token;
}

/** Invites one contact and answers with the given score; returns the response id. */
export async function answer(app: TestApp, token: string, waveId: string, contactId: string, email: string, score: number, reason?: string): Promise<string> {
  const link = await inviteOne(app, token, waveId, contactId, email);
  const res = await app.gql(SUBMIT, { token: link, input: { score, reason } });
  if (!res.data?.submitResponse?.ok) throw new Error(`submitResponse failed: ${JSON.stringify(res)}`);
  const [row] = await app.db.dataSource.query(`SELECT id FROM responses WHERE wave_id = $1 AND contact_id = $2`, [waveId, contactId]);
  return row.id as string;
}
