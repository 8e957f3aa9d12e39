import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
  'response.created', 'followup.created', 'followup.overdue', 'followup.escalated', 'followup.resolved',
  'improvement.status_changed', 'wave.opened', 'wave.closed', 'invitation.bounced',
];

const typeCheck = (types: string[]) => `CHECK (type IN (${types.map((t) => `'${t}'`).join(', ')}))`;

/** contact.erased (survey/privacy): consumers forget what they hold of an erased contact. */
export class ContactErasedEvents1766460000000 implements MigrationInterface {
  name = 'ContactErasedEvents1766460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE domain_events DROP CONSTRAINT domain_events_type_check`);
    await q.query(`ALTER TABLE domain_events ADD CONSTRAINT domain_events_type_check ${typeCheck([...BEFORE, 'contact.erased'])}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM domain_events WHERE type = 'contact.erased'`);
    await q.query(`ALTER TABLE domain_events DROP CONSTRAINT domain_events_type_check`);
    await q.query(`ALTER TABLE domain_events ADD CONSTRAINT domain_events_type_check ${typeCheck(BEFORE)}`);
  }
}
