import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIENCES = `('CUSTOMER','CANDIDATE','ASSOCIATE','EMPLOYEE')`;
const IMPROVEMENT_STATUSES = `('PROPOSED','PLANNED','IN_PROGRESS','IMPLEMENTED','VERIFIED','REJECTED')`;

/**
 * Closing the loop (issue 7): stages 3 and 4 of the survey cycle.
 *
 * Analysis:
 *  - themes: the organization's catalogue (name, description, optional parent) with keywords per
 *    language ({"en": ["price", ...], "pl": [...]}) that suggestions match after stemming;
 *  - response_themes: a theme on an identified response, either SUGGESTED by the keyword matcher,
 *    ACCEPTED (tagged or confirmed by a person) or DISMISSED (a person said no; not suggested again);
 *  - employee_answer_themes: themes matched on an employee answer's text. Only the matcher writes
 *    them (nobody may read one employee answer to tag it) and only guarded aggregates read them.
 *
 * Improvements:
 *  - improvements, with implemented_at set when the status first reaches IMPLEMENTED (the effect
 *    compares the period before with the period after it);
 *  - improvement_events: every status change with who, when and a note;
 *  - links to the feedback that motivated an improvement: identified responses, follow-ups,
 *    themes, and waves (with an optional org unit). Employee answers cannot be linked: there is no
 *    table for it, and an employee wave is linked as a whole or with an org unit, never one answer.
 */
export class ClosedLoop1764700000000 implements MigrationInterface {
  name = 'ClosedLoop1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        description text CHECK (length(description) <= 2000),
        parent_id uuid REFERENCES themes(id) ON DELETE SET NULL,
        keywords jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX themes_name_per_org ON themes (organization_id, lower(name))`);

    await q.query(`
      CREATE TABLE response_themes (
        response_id uuid NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('SUGGESTED','ACCEPTED','DISMISSED')),
        tagged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        tagged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (response_id, theme_id)
      )`);
    await q.query(`CREATE INDEX response_themes_theme_idx ON response_themes (organization_id, theme_id, status)`);

    await q.query(`
      CREATE TABLE employee_answer_themes (
        answer_id uuid NOT NULL REFERENCES employee_answers(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        PRIMARY KEY (answer_id, theme_id)
      )`);
    await q.query(`CREATE INDEX employee_answer_themes_theme_idx ON employee_answer_themes (organization_id, theme_id)`);

    await q.query(`
      CREATE TABLE improvements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ${IMPROVEMENT_STATUSES}),
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        audience text CHECK (audience IN ${AUDIENCES}),
        due_date date,
        implemented_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX improvements_org_idx ON improvements (organization_id, status, created_at DESC, id)`);

    await q.query(`
      CREATE TABLE improvement_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        improvement_id uuid NOT NULL REFERENCES improvements(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        from_status text CHECK (from_status IN ${IMPROVEMENT_STATUSES}),
        to_status text NOT NULL CHECK (to_status IN ${IMPROVEMENT_STATUSES}),
        note text CHECK (length(note) <= 2000),
        by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX improvement_events_idx ON improvement_events (improvement_id, at, id)`);
    await q.query(`CREATE INDEX improvement_events_org_to_idx ON improvement_events (organization_id, to_status, at)`);

    await q.query(`
      CREATE TABLE improvement_responses (
        improvement_id uuid NOT NULL REFERENCES improvements(id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        PRIMARY KEY (improvement_id, response_id)
      )`);
    await q.query(`CREATE INDEX improvement_responses_response_idx ON improvement_responses (response_id)`);
    await q.query(`
      CREATE TABLE improvement_follow_ups (
        improvement_id uuid NOT NULL REFERENCES improvements(id) ON DELETE CASCADE,
        follow_up_id uuid NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
        PRIMARY KEY (improvement_id, follow_up_id)
      )`);
    await q.query(`
      CREATE TABLE improvement_themes (
        improvement_id uuid NOT NULL REFERENCES improvements(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        PRIMARY KEY (improvement_id, theme_id)
      )`);
    await q.query(`CREATE INDEX improvement_themes_theme_idx ON improvement_themes (theme_id)`);
    await q.query(`
      CREATE TABLE improvement_waves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        improvement_id uuid NOT NULL REFERENCES improvements(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        org_unit_id uuid REFERENCES org_units(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX improvement_waves_unique ON improvement_waves (improvement_id, wave_id, (coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000'::uuid)))`);
    await q.query(`CREATE INDEX improvement_waves_wave_idx ON improvement_waves (wave_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['improvement_waves', 'improvement_themes', 'improvement_follow_ups', 'improvement_responses',
      'improvement_events', 'improvements', 'employee_answer_themes', 'response_themes', 'themes']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
