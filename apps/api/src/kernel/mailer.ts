import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** One message, already rendered: plain text plus a simple HTML alternative. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /**
   * The recipient is not written to logs or outbox file names: who gets an employee survey's
   * reminder is who has not answered it (docs/anonymity.md).
   */
  confidentialRecipient?: boolean;
  /**
   * The mail's own name, the same each time the same mail is sent again (for a wave mail: the
   * invitation and which mail it is). The outbox writes it as `<key>.eml`, so sending it again
   * replaces the file instead of adding one; over SMTP it makes the Message-ID, so a receiving
   * system can tell a repeat. Letters, digits, '.', '_' and '-' only.
   */
  key?: string;
}

/** What logs and file names show of a message's recipient. */
const shownRecipient = (message: MailMessage) => (message.confidentialRecipient ? '[employee]' : message.to);

/** Where a message went: an SMTP message id, or the .eml file in the outbox. */
export interface MailReceipt {
  messageId: string;
  file: string | null;
}

/** Outgoing mail. Messages carry personal links, so implementations never log their bodies. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<MailReceipt>;
  /**
   * Deletes what the mailer kept of the keyed mails whose key starts with one of `prefixes` (an
   * erasure): the outbox's files; SMTP keeps nothing here (the mail server's logs are its own).
   * Answers how many it deleted.
   */
  forget(prefixes: string[]): Promise<number>;
  /**
   * Deletes what the mailer kept of every mail to one address (an employee's erasure: their mails
   * carry no key, so no name in the outbox points to them). SMTP keeps nothing here.
   */
  forgetRecipient?(address: string): Promise<number>;
}

/** SMTP when SMTP_URL is set; otherwise every message becomes an .eml file in the outbox folder. */
export function createMailer(config: Config, logger: Logger): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom, logger) : outboxMailer(config.outboxDir, config.mailFrom, logger);
}

function smtpMailer(smtpUrl: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      const { confidentialRecipient: _private, key: _key, ...mail } = message;
      const info = await transport.sendMail({ from, ...mail, messageId: messageIdOf(message, from) });
      logger.info({ event: 'mail.sent', to: shownRecipient(message), subject: message.subject, messageId: info.messageId }, 'mail sent over SMTP');
      return { messageId: info.messageId, file: null };
    },
    forget: async () => 0,
    forgetRecipient: async () => 0,
  };
}

/** A file name that sorts by time and shows the recipient: 20261123T160917123Z-anna_at_example.com-1a2b3c.eml */
function outboxFileName(to: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const who = to.toLowerCase().replace('@', '_at_').replace(/[^a-z0-9._-]/g, '_').slice(0, 80);
  return `${stamp}-${who}-${randomBytes(3).toString('hex')}.eml`;
}

const KEY = /^[A-Za-z0-9._-]{1,200}$/;

/** A keyed message's stable Message-ID (`<key@sender's domain>`); nodemailer makes one up otherwise. */
function messageIdOf(message: MailMessage, from: string): string | undefined {
  if (!message.key) return undefined;
  if (!KEY.test(message.key)) throw new Error(`A mail key takes letters, digits, '.', '_' and '-' only`);
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'tandem.local';
  return `<${message.key}@${domain}>`;
}

/** Mails handed to the mailer at the same time. */
export const MAIL_CONCURRENCY = 4;

/** Runs `run` over the items, at most `concurrency` at a time; resolves when every one is done. */
export async function eachConcurrently<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

/**
 * Writes each message as an RFC 822 .eml file (nodemailer's stream transport builds it) so a demo
 * or a test can open it and follow its link. The log names the file, never the link in it.
 */
export function outboxMailer(outboxDir: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let ready: Promise<unknown> | null = null;
  return {
    kind: 'outbox',
    async send(message) {
      ready ??= mkdir(outboxDir, { recursive: true });
      await ready;
      const { confidentialRecipient: _private, key: _key, ...mail } = message;
      const info = await transport.sendMail({ from, ...mail, messageId: messageIdOf(message, from) });
      const name = message.key ? `${message.key}.eml` : outboxFileName(message.confidentialRecipient ? 'employee' : message.to, new Date());
      const file = path.join(outboxDir, name);
      // Written whole or not at all: a crash mid-write leaves a .tmp file, never half a mail.
      await writeFile(`${file}.tmp`, info.message as Buffer, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
      logger.info({ event: 'mail.written', to: shownRecipient(message), subject: message.subject, file }, 'mail written to the outbox');
      return { messageId: info.messageId, file };
    },
    async forget(prefixes) {
      if (prefixes.length === 0) return 0;
      const names = await readdir(outboxDir).catch(() => [] as string[]);
      const doomed = names.filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
      await Promise.all(doomed.map((name) => rm(path.join(outboxDir, name), { force: true })));
      return doomed.length;
    },
    async forgetRecipient(address) {
      const wanted = address.trim().toLowerCase();
      const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
      let deleted = 0;
      for (const name of names) {
        const file = path.join(outboxDir, name);
        const text = await readFile(file, 'utf8').catch(() => '');
        const head = text.slice(0, Math.max(0, text.indexOf('\r\n\r\n')) || text.length);
        const to = /^To: (.*(?:\r\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
        const addresses = to.split(',').map((part) => (/<([^>]+)>/.exec(part)?.[1] ?? part).trim().toLowerCase());
        if (addresses.includes(wanted)) {
          await rm(file, { force: true });
          deleted++;
        }
      }
      return deleted;
    },
  };
}
