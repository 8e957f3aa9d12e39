import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
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
      const { confidentialRecipient: _private, ...mail } = message;
      const info = await transport.sendMail({ from, ...mail });
      logger.info({ event: 'mail.sent', to: shownRecipient(message), subject: message.subject, messageId: info.messageId }, 'mail sent over SMTP');
      return { messageId: info.messageId, file: null };
    },
  };
}

/** A file name that sorts by time and shows the recipient: 20261123T160917123Z-anna_at_example.com-1a2b3c.eml */
function outboxFileName(to: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const who = to.toLowerCase().replace('@', '_at_').replace(/[^a-z0-9._-]/g, '_').slice(0, 80);
  return `${stamp}-${who}-${randomBytes(3).toString('hex')}.eml`;
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
      const { confidentialRecipient: _private, ...mail } = message;
      const info = await transport.sendMail({ from, ...mail });
      const file = path.join(outboxDir, outboxFileName(message.confidentialRecipient ? 'employee' : message.to, new Date()));
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      logger.info({ event: 'mail.written', to: shownRecipient(message), subject: message.subject, file }, 'mail written to the outbox');
      return { messageId: info.messageId, file };
    },
  };
}
