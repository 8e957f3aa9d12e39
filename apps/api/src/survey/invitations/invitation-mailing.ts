import type { AppServices } from '../../kernel/context.js';
import { eachConcurrently } from '../../kernel/mailer.js';
import { invitationMail } from '../../platform/mail/invitation-mail.js';
import { publicTitleIn, respondentLanguage } from '../waves/respondent-language.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import { surveyUrl, unsubscribeUrl } from './tokens.js';

/** Whom an invitation mail goes to. */
export interface InvitationRecipient {
  id: string;
  email: string;
  name: string;
  language: string | null;
}

export interface InvitationMailing<R extends InvitationRecipient> {
  /** Mails handed to the mailer at the same time. */
  concurrency: number;
  /** Waits for the organization's mail rate before each mail (mail-pace.ts). */
  pace: () => Promise<void>;
  /** The recipient's survey link token. */
  token: (row: R) => string;
  /** The mail's key (a retry sends the same key, so the outbox keeps one file). */
  key: (row: R) => string;
  reminder?: (row: R) => boolean;
}

/**
 * Mails the invitations (or reminders) of a wave or programme to the recipients, in the
 * respondent's language, the mailer's failures caught per mail: answers which went out and which
 * failed, with the mail server's error. Used by the wave mail job (mail-job.ts) and the
 * transactional programmes' sends (transactions/send-job.ts).
 */
export async function mailInvitations<R extends InvitationRecipient>(
  app: AppServices,
  survey: Pick<WaveEntity, 'languages' | 'publicTitles'>,
  organizationName: string,
  rows: readonly R[],
  mailing: InvitationMailing<R>,
): Promise<{ sent: R[]; failed: { row: R; error: unknown }[] }> {
  const outcome = { sent: [] as R[], failed: [] as { row: R; error: unknown }[] };
  await eachConcurrently(rows, mailing.concurrency, async (row) => {
    await mailing.pace();
    const language = respondentLanguage(survey.languages, row.language);
    const token = mailing.token(row);
    try {
      await app.mailer.send({
        ...invitationMail({
          to: row.email,
          name: row.name,
          language,
          title: publicTitleIn(survey.publicTitles, language),
          organizationName,
          surveyUrl: surveyUrl(app, token),
          unsubscribeUrl: unsubscribeUrl(app, token),
          reminder: mailing.reminder?.(row) ?? false,
        }),
        key: mailing.key(row),
      });
      outcome.sent.push(row);
    } catch (error) {
      outcome.failed.push({ row, error });
    }
  });
  return outcome;
}
