import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactional surveys (issue 19): a programme is a wave of kind TRANSACTIONAL (so its questions,
 * languages, respondent page and rollups are a wave's) that stays open, with a touchpoint and a
 * send delay. Each transaction an integrator triggers is a row here, unique per programme and the
 * integrator's own id (the idempotency key), sent after the delay as its own invitation: a contact
 * may be invited to one programme many times, once per transaction, so the one-invitation-per-
 * contact rule of waves holds only for invitations without a transaction.
 */
export class TransactionalProgrammes1766410000000 implements MigrationInterface {
  name = 'TransactionalProgrammes1766410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE waves
        ADD COLUMN kind text NOT NULL DEFAULT 'WAVE' CHECK (kind IN ('WAVE', 'TRANSACTIONAL')),
        ADD COLUMN touchpoint text,
        ADD COLUMN send_delay_minutes int,
        ADD CONSTRAINT waves_transactional_shape CHECK (
          kind = 'WAVE' OR (audience <> 'EMPLOYEE' AND touchpoint IS NOT NULL AND send_delay_minutes BETWEEN 0 AND 43200))`);
    await q.query(`ALTER TABLE invitations ADD COLUMN transaction_id uuid UNIQUE`);
    await q.query(`ALTER TABLE invitations DROP CONSTRAINT invitations_wave_id_contact_id_key`);
    await q.query(`CREATE UNIQUE INDEX invitations_wave_contact ON invitations (wave_id, contact_id) WHERE transaction_id IS NULL`);
    await q.query(`
      CREATE TABLE transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL,
        product text,
        channel text,
        location text,
        served_by text,
        served_by_name text,
        send_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('SCHEDULED', 'SENT', 'SKIPPED')),
        skip_reason text CHECK ((status = 'SKIPPED') = (skip_reason IS NOT NULL)),
        invitation_id uuid UNIQUE REFERENCES invitations(id) ON DELETE SET NULL,
        claimed_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, wave_id, external_id)
      )`);
    await q.query(`CREATE INDEX transactions_due ON transactions (wave_id, send_at) WHERE status = 'SCHEDULED'`);
    await q.query(`CREATE INDEX transactions_recent ON transactions (wave_id, created_at DESC)`);
    await q.query(`CREATE INDEX transactions_contact ON transactions (contact_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transactions`);
    await q.query(`DROP INDEX invitations_wave_contact`);
    await q.query(`ALTER TABLE invitations ADD CONSTRAINT invitations_wave_id_contact_id_key UNIQUE (wave_id, contact_id)`);
    await q.query(`ALTER TABLE invitations DROP COLUMN transaction_id`);
    await q.query(`ALTER TABLE waves DROP CONSTRAINT waves_transactional_shape, DROP COLUMN kind, DROP COLUMN touchpoint, DROP COLUMN send_delay_minutes`);
  }
}
