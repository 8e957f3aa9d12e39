import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy (survey/privacy, issue 21):
 * - an erased employee's wave participations and roster trail stay, without the employee: the
 *   counts they take part in (invited, responded, arrivals per unit) stay exact;
 * - privacy_settings: how long identified comments are kept (null: as long as the answer).
 */
export class Privacy1766551000000 implements MigrationInterface {
  name = 'Privacy1766551000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_participations ALTER COLUMN employee_id DROP NOT NULL`);
    await q.query(`ALTER TABLE roster_changes ALTER COLUMN employee_id DROP NOT NULL`);
    await q.query(`
      CREATE TABLE privacy_settings (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        comment_retention_months int CHECK (comment_retention_months BETWEEN 1 AND 120),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE privacy_settings`);
    await q.query(`DELETE FROM roster_changes WHERE employee_id IS NULL`);
    await q.query(`DELETE FROM employee_participations WHERE employee_id IS NULL`);
    await q.query(`ALTER TABLE roster_changes ALTER COLUMN employee_id SET NOT NULL`);
    await q.query(`ALTER TABLE employee_participations ALTER COLUMN employee_id SET NOT NULL`);
  }
}
