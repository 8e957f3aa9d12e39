import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Criteria ratings in an employee release (issue 19): per wave and criterion, whether it is
 * released (at least k ratings and the wave's total released), and then its number of ratings,
 * mean and standard deviation, and the counts of 1..5 where there are at least 2k ratings. Made
 * with the rest of the release when the wave closes (reporting/anonymity/release); releases made
 * before this table have no rows, and their criteria read as not released.
 */
export class EmployeeReleaseCriteria1766430000000 implements MigrationInterface {
  name = 'EmployeeReleaseCriteria1766430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employee_release_criteria (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES employee_releases(wave_id) ON DELETE CASCADE,
        criterion text NOT NULL,
        released boolean NOT NULL,
        ratings int,
        mean double precision,
        sd double precision,
        distribution int[],
        PRIMARY KEY (wave_id, criterion),
        CONSTRAINT employee_release_criteria_released CHECK (released = (ratings IS NOT NULL AND mean IS NOT NULL)),
        CONSTRAINT employee_release_criteria_hidden CHECK (released OR (sd IS NULL AND distribution IS NULL))
      )`);
    await q.query(`CREATE INDEX employee_release_criteria_org_idx ON employee_release_criteria (organization_id, wave_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE employee_release_criteria`);
  }
}
