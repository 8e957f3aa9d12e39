import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A respondent's page sends a client-generated submission id with an answer and retries a failed
 * submit with the same id (issue 21). The SHA-256 of that id is kept beside the spent link — the
 * invitation, or the employee's participation — never on the answer: a retry of a stored answer is
 * answered ok, and an employee's answer stays without anything that leads back to the person.
 */
export class SubmissionIds1766540000000 implements MigrationInterface {
  name = 'SubmissionIds1766540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitations ADD COLUMN submission_hash text`);
    await q.query(`ALTER TABLE employee_participations ADD COLUMN submission_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_participations DROP COLUMN submission_hash`);
    await q.query(`ALTER TABLE invitations DROP COLUMN submission_hash`);
  }
}
