import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { MAIL_LANGUAGES, invitationMail, mailLanguage } from './invitation-mail.js';
import { outboxMailer } from '../../kernel/mailer.js';

const input = {
  to: 'anna@example.com',
  name: 'Anna <b>Kowalska</b>',
  language: 'pl',
  title: 'Customer NPS & more',
  organizationName: 'Demo Company',
  surveyUrl: 'https://tandem.example/s/TOKEN',
  unsubscribeUrl: 'https://tandem.example/unsubscribe/TOKEN',
  reminder: false,
};

describe('invitationMail', () => {
  it.each(MAIL_LANGUAGES)('writes %s with both links in text and HTML, and a distinct reminder', (language) => {
    const mail = invitationMail({ ...input, language });
    const reminder = invitationMail({ ...input, language, reminder: true });
    for (const m of [mail, reminder]) {
      expect(m.subject).toContain('Customer NPS & more');
      expect(m.text).toContain(input.surveyUrl);
      expect(m.text).toContain(input.unsubscribeUrl);
      expect(m.html).toContain(`href="${input.surveyUrl}"`);
      expect(m.html).toContain(`lang="${language}"`);
      expect(m.headers?.['List-Unsubscribe']).toBe(`<${input.unsubscribeUrl}>`);
    }
    expect(reminder.subject).not.toBe(mail.subject);
    expect(reminder.text).not.toBe(mail.text);
  });

  it('escapes names in the HTML', () => {
    const { html } = invitationMail(input);
    expect(html).toContain('Anna &lt;b&gt;Kowalska&lt;/b&gt;');
    expect(html).toContain('Customer NPS &amp; more');
    expect(html).not.toContain('<b>');
  });

  it('falls back to English for languages it does not ship', () => {
    expect(mailLanguage('de')).toBe('en');
    expect(mailLanguage('PL')).toBe('pl');
    expect(mailLanguage('sl-SI')).toBe('sl');
    expect(invitationMail({ ...input, language: 'fr' }).subject).toBe('Your opinion matters: Customer NPS & more');
  });
});

describe('outboxMailer', () => {
  it('creates the folder and writes one RFC 822 .eml file per message', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tandem-outbox-')), 'nested', 'outbox');
    let logged = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
    const mailer = outboxMailer(dir, 'Tandem <no-reply@example.com>', pino({ level: 'info' }, sink));
    const receipt = await mailer.send(invitationMail(input));
    // The log names the recipient, the subject and the file; the link (and its token) stays in the file.
    expect(logged).toContain('anna@example.com');
    expect(logged).toContain(receipt.file!);
    expect(logged).not.toContain('TOKEN');
    expect(readdirSync(dir)).toEqual([path.basename(receipt.file!)]);
    expect(receipt.file).toMatch(/anna_at_example\.com-[0-9a-f]{6}\.eml$/);
    const eml = readFileSync(receipt.file!, 'utf8');
    expect(eml).toMatch(/^From: Tandem <no-reply@example\.com>$/m);
    expect(eml).toMatch(/^To: anna@example\.com$/m);
    expect(eml).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(eml).toContain('text/plain');
    expect(eml).toContain('text/html');
    expect(eml).toContain('\r\n');
    expect(eml).toContain('TOKEN');
  });
});
