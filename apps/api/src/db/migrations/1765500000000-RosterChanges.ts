import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster's audit trail (issue 14): every change of the employee roster — a person added, moved
 * to another unit, left, or back again — with the unit and the moment, written in the same
 * transaction as the change. Never an answer, a participation or anything about a survey. HR reads
 * it (rosterChanges); an employee's survey page shows, from it, how many people were added to each
 * unit in the 30 days before the wave opened, so fake colleagues added to a small team are visible
 * to the team itself. People who were on the roster before this table existed count as added at
 * their creation.
 */
export class RosterChanges1765500000000 implements MigrationInterface {
  name = 'RosterChanges1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roster_changes (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ADDED', 'MOVED', 'LEFT', 'RESTORED')),
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX roster_changes_org_idx ON roster_changes (organization_id, id DESC)`);
    await q.query(`CREATE INDEX roster_changes_employee_idx ON roster_changes (employee_id)`);
    await q.query(`CREATE INDEX roster_changes_org_at_idx ON roster_changes (organization_id, at)`);
    await q.query(`
      INSERT INTO roster_changes (organization_id, employee_id, kind, org_unit_id, at)
      SELECT organization_id, id, 'ADDED', org_unit_id, created_at FROM employees ORDER BY created_at, id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roster_changes`);
  }
}
