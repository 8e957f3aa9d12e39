import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous employee surveys (docs/anonymity.md). Participation (who was invited, whether they
 * answered) and answers live in two tables with no key, id, token or precise time in common:
 * answers carry a random id, the date only, and coarse segments copied at answer time.
 */
export class EmployeeSurveys1764400000000 implements MigrationInterface {
  name = 'EmployeeSurveys1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        language text NOT NULL,
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        location text,
        tenure_band text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employees_email_lowercase CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX employees_email_per_org ON employees (organization_id, email)`);
    await q.query(`CREATE INDEX employees_unit_idx ON employees (organization_id, org_unit_id) WHERE active`);

    await q.query(`
      CREATE TABLE employee_participations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        responded boolean NOT NULL DEFAULT false,
        invited_on date NOT NULL,
        reminded_on date,
        reminders int NOT NULL DEFAULT 0,
        UNIQUE (wave_id, employee_id)
      )`);

    await q.query(`
      CREATE TABLE employee_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        answered_on date NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        category text NOT NULL CHECK (category IN ('PROMOTER','PASSIVE','DETRACTOR')),
        reason text,
        suggestion text,
        language text NOT NULL,
        ratings jsonb NOT NULL DEFAULT '[]'::jsonb,
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        location text,
        tenure_band text
      )`);
    await q.query(`CREATE INDEX employee_answers_wave_idx ON employee_answers (organization_id, wave_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE employee_answers`);
    await q.query(`DROP TABLE employee_participations`);
    await q.query(`DROP TABLE employees`);
  }
}
