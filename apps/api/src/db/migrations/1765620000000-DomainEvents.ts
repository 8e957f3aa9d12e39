import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox of domain events (issue 17): a change and the event that tells of it are
 * written in one transaction, so an event exists exactly when its change committed. A dispatcher
 * (src/platform/events) turns each event into one job per consumer and stamps dispatched_at, so a
 * retried dispatch never fans an event out twice. Payloads carry ids and counts; never an employee's
 * answer or anything linking a participation to an answer (see platform/events/types.ts).
 */
export class DomainEvents1765620000000 implements MigrationInterface {
  name = 'DomainEvents1765620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN (
          'response.created', 'followup.created', 'followup.overdue', 'followup.escalated', 'followup.resolved',
          'improvement.status_changed', 'wave.opened', 'wave.closed', 'invitation.bounced')),
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(`CREATE INDEX domain_events_org_idx ON domain_events (organization_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX domain_events_undispatched_idx ON domain_events (occurred_at) WHERE dispatched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE domain_events`);
  }
}
