import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules, follow-up escalation and notifications (issue 17).
 *
 * - waves: a reminder rule (remind non-respondents reminder_after_days after their last mail, at
 *   most max_reminders times): both set or neither.
 * - follow_ups: when the SLA passed unresolved (overdue_at) and when and to whom it was escalated
 *   (escalated_at, escalated_to: the CX users told; escalated_unit_id: the org unit whose CX users
 *   they are, null when none up the tree had any and the organization's were told). Follow-ups
 *   already past due when this runs are marked overdue at their due time and not escalated: telling
 *   anyone now of every old one would bury the new ones.
 * - notification_preferences: one row per user who changed anything (absent: everything on);
 *   mails_off lists the mail kinds the user turned off, so a kind added later is on by default.
 * - notifications: what a user is told in the app, newest first; dedupe_key makes telling the same
 *   thing twice (a retried job) a no-op.
 */
export class Schedules1765800000000 implements MigrationInterface {
  name = 'Schedules1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE waves
        ADD COLUMN reminder_after_days int CHECK (reminder_after_days BETWEEN 1 AND 30),
        ADD COLUMN max_reminders int CHECK (max_reminders BETWEEN 1 AND 5),
        ADD CONSTRAINT waves_reminder_rule_whole CHECK ((reminder_after_days IS NULL) = (max_reminders IS NULL))`);

    await q.query(`
      ALTER TABLE follow_ups
        ADD COLUMN overdue_at timestamptz,
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN escalated_to uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN escalated_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL`);
    await q.query(`UPDATE follow_ups SET overdue_at = due_at WHERE status <> 'RESOLVED' AND due_at < now()`);
    // The sweep that finds follow-ups whose SLA just passed reads only the few not yet marked.
    await q.query(`CREATE INDEX follow_ups_sla_watch_idx ON follow_ups (due_at) WHERE overdue_at IS NULL AND status <> 'RESOLVED'`);
    await q.query(`CREATE INDEX follow_ups_escalated_idx ON follow_ups (organization_id, escalated_at) WHERE escalated_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        mails_off text[] NOT NULL DEFAULT '{}',
        digest_frequency text NOT NULL DEFAULT 'WEEKLY' CHECK (digest_frequency IN ('NEVER', 'DAILY', 'WEEKLY')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        dedupe_key text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP INDEX follow_ups_escalated_idx`);
    await q.query(`DROP INDEX follow_ups_sla_watch_idx`);
    await q.query(`ALTER TABLE follow_ups DROP COLUMN escalated_unit_id, DROP COLUMN escalated_to, DROP COLUMN escalated_at, DROP COLUMN overdue_at`);
    await q.query(`ALTER TABLE waves DROP CONSTRAINT waves_reminder_rule_whole, DROP COLUMN max_reminders, DROP COLUMN reminder_after_days`);
  }
}
