import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

// The server's outbox: without SMTP_URL every mail is an RFC 822 .eml file. Wave mail has a fixed
// name per mail (<invitationId>-invitation.eml, <invitationId>-reminder-<n>.eml) and is sent by a
// background job after the mutation answers; other mail is <time>-<recipient or `employee`>-<random>.eml.
// Tests read them to follow survey links, by the To header and in the order they were written.

export interface OutboxMail {
  file: string;
  headers: Record<string, string>;
  /** The decoded text/plain part. */
  text: string;
}

const unfold = (block: string) => block.replace(/\r?\n[ \t]+/g, ' ');

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of unfold(block).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** The text/plain part of a message (the whole body when it is not multipart). */
export function parseEml(file: string, raw: string): OutboxMail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { file, headers, text: decodeBody(headers, body) };

  const parts = body.split(`--${boundary}`).slice(1, -1);
  for (const part of parts) {
    const trimmed = part.replace(/^\r?\n/, '');
    const at = trimmed.search(/\r?\n\r?\n/);
    const partHeaders = parseHeaders(trimmed.slice(0, at));
    const partBody = trimmed.slice(at).replace(/^\r?\n\r?\n/, '');
    if ((partHeaders['content-type'] ?? '').toLowerCase().startsWith('multipart/')) {
      const nested = parseEml(file, `${trimmed}`);
      if (nested.text) return { file, headers, text: nested.text };
    }
    if ((partHeaders['content-type'] ?? 'text/plain').toLowerCase().startsWith('text/plain')) {
      return { file, headers, text: decodeBody(partHeaders, partBody) };
    }
  }
  return { file, headers, text: '' };
}

/** How long a test waits for mail: wave mail is sent by a background job after the mutation answered. */
const MAIL_WAIT_MS = 20_000;

/** The outbox's mails, oldest first (by the time each file was written). */
async function readOutbox(outboxDir: string): Promise<OutboxMail[]> {
  const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
  const mails = await Promise.all(
    names.map(async (name) => {
      const path = join(outboxDir, name);
      const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { mail: parseEml(name, raw), written: info.mtimeMs };
    }),
  );
  return mails.sort((a, b) => a.written - b.written || a.mail.file.localeCompare(b.mail.file)).map(({ mail }) => mail);
}

/**
 * The outbox's mails that `accept` takes, oldest first, once there are at least `atLeast` of them;
 * after `timeoutMs` (20 s) whatever there is, for the test's own expectation to fail on.
 */
export async function waitForMails(outboxDir: string, accept: (mail: OutboxMail) => boolean, atLeast = 1, timeoutMs = MAIL_WAIT_MS): Promise<OutboxMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await readOutbox(outboxDir)).filter(accept);
    if (mails.length >= atLeast || Date.now() >= deadline) return mails;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

/** The mails in the outbox to one recipient (by the To header), oldest first, once there is one. */
export function mailsTo(outboxDir: string, recipient: string): Promise<OutboxMail[]> {
  const address = recipient.toLowerCase();
  return waitForMails(outboxDir, (mail) => recipientOf(mail) === address);
}

/** The survey link's path (/s/<token>) in a mail's text. */
export function surveyPath(mail: OutboxMail): string {
  const match = /https?:\/\/[^\s/]+(\/s\/[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text);
  if (!match) throw new Error(`No survey link in ${mail.file}:\n${mail.text}`);
  return match[1]!;
}

/**
 * Every mail in the outbox, oldest first. Employee survey mails are written under a name that says
 * `employee` instead of the address (the list of who gets a reminder is the list of who has not
 * answered); their recipient is only in the message itself: see recipientOf.
 */
export function allMails(outboxDir: string): Promise<OutboxMail[]> {
  return readOutbox(outboxDir);
}

/** The address in a mail's To header, lower-cased ("Name <a@b>" or "a@b"). */
export function recipientOf(mail: OutboxMail): string {
  const to = mail.headers['to'] ?? '';
  return (/<([^>]+)>/.exec(to)?.[1] ?? to).trim().toLowerCase();
}
