import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wave mail as jobs (issue 17). inviteToWave, remindWave and retryFailedMail each write one
 * mail_batches row and send one job; the job mails the batch's invitations in chunks. An invitation
 * holds the state of its latest mail: which batch it belongs to, whether it is an invitation or a
 * reminder, QUEUED → SENT, or FAILED after its last retry (BOUNCED when the mail server says so),
 * how many times sending it failed and the last error. The job mails what is QUEUED and marks it
 * after, so a job run again after a crash mails only what was not marked; the mailer's fixed
 * file name and Message-ID per invitation and mail make that repeat harmless.
 *
 * An invitation batch creates its invitations in the job, a chunk at a time, walking the contacts
 * in id order from `cursor`: `selection` holds the checked target, `owner_scope` a manager's own
 * contacts, `planned` how many were eligible when it was asked for (the number the caller was told).
 */
export class MailBatches1766000000000 implements MigrationInterface {
  name = 'MailBatches1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('INVITATION', 'REMINDER', 'RETRY')),
        selection jsonb,
        owner_scope uuid,
        throttle_days int,
        cursor uuid,
        created_all boolean NOT NULL DEFAULT false,
        planned int NOT NULL CHECK (planned >= 0),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX mail_batches_wave ON mail_batches (wave_id, created_at DESC)`);
    await q.query(`
      ALTER TABLE invitations
        ADD COLUMN mail_batch_id uuid REFERENCES mail_batches(id) ON DELETE SET NULL,
        ADD COLUMN mail_kind text CHECK (mail_kind IN ('INVITATION', 'REMINDER')),
        ADD COLUMN mail_state text CHECK (mail_state IN ('QUEUED', 'SENT', 'FAILED', 'BOUNCED')),
        ADD COLUMN mail_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN mail_error text`);
    await q.query(`CREATE INDEX invitations_mail_batch ON invitations (mail_batch_id, mail_state, id) WHERE mail_batch_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX invitations_mail_batch`);
    await q.query(`ALTER TABLE invitations DROP COLUMN mail_batch_id, DROP COLUMN mail_kind, DROP COLUMN mail_state, DROP COLUMN mail_attempts, DROP COLUMN mail_error`);
    await q.query(`DROP TABLE mail_batches`);
  }
}
