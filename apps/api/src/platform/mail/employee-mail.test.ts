import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { employeeInvitationMail } from './employee-mail.js';
import { MAIL_LANGUAGES } from './invitation-mail.js';
import { outboxMailer } from '../../kernel/mailer.js';

const input = {
  to: 'ann.able@acme.example',
  name: 'Ann <i>Able</i>',
  language: 'en',
  waveName: 'Employee pulse Q4 & more',
  organizationName: 'Acme',
  surveyUrl: 'https://tandem.example/s/TOKEN',
  threshold: 7,
  reminder: false,
};

describe('employeeInvitationMail', () => {
  it.each(MAIL_LANGUAGES)('writes %s with the link, the threshold, a distinct reminder, and no unsubscribe link', (language) => {
    const mail = employeeInvitationMail({ ...input, language });
    const reminder = employeeInvitationMail({ ...input, language, reminder: true });
    for (const m of [mail, reminder]) {
      expect(m.subject).toContain('Employee pulse Q4 & more');
      expect(m.text).toContain(input.surveyUrl);
      expect(m.text).toContain(' 7 ');
      expect(m.html).toContain(`href="${input.surveyUrl}"`);
      expect(m.html).toContain(`lang="${language}"`);
      expect(m.text).not.toContain('unsubscribe');
      expect(m.headers?.['List-Unsubscribe']).toBeUndefined();
      expect(m.confidentialRecipient).toBe(true);
    }
    expect(reminder.subject).not.toBe(mail.subject);
    expect(reminder.text).not.toBe(mail.text);
  });

  it('escapes names in the HTML', () => {
    const { html } = employeeInvitationMail(input);
    expect(html).toContain('Ann &lt;i&gt;Able&lt;/i&gt;');
    expect(html).not.toContain('<i>');
  });
});

describe('a confidential recipient', () => {
  it('stays out of the log and the outbox file name, but not out of the message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-outbox-'));
    let logged = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
    const mailer = outboxMailer(dir, 'Tandem <no-reply@example.com>', pino({ level: 'debug' }, sink));
    const receipt = await mailer.send(employeeInvitationMail({ ...input, reminder: true }));
    expect(logged).not.toContain('ann.able');
    expect(logged).not.toContain('TOKEN');
    expect(logged).toContain('[employee]');
    expect(path.basename(receipt.file!)).toMatch(/-employee-[0-9a-f]{6}\.eml$/);
    expect(readdirSync(dir)).toHaveLength(1);
    const eml = readFileSync(receipt.file!, 'utf8');
    expect(eml).toMatch(/^To: ann\.able@acme\.example$/m);
    expect(eml).not.toMatch(/confidential/i);
  });
});
