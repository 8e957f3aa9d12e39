import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCORES = Array.from({ length: 11 }, (_, s) => `s${s}`).join(', ');
const SCORE_COUNTS = Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE n.score = ${s})`).join(', ');
const SCORE_SUMS = Array.from({ length: 11 }, (_, s) => `sum(s${s})`).join(', ');
const KEY = 'organization_id, audience, wave_id, grain, period, dim, dim_value';
const RESPONSE_DIMS = `
  SELECT '', '' UNION ALL
  SELECT 'org_unit', coalesce(n.org_unit_id::text, '') UNION ALL
  SELECT 'owner', coalesce(n.owner_id::text, '') UNION ALL
  SELECT 'seg:' || s.key, s.value FROM jsonb_each_text(n.segments) AS s`;

/**
 * Employee results become releases (PRODUCT.md section 5, docs/anonymity.md): computed once when a
 * wave closes, audited, never changed; nothing reads employee answers freely any more.
 *
 *  - employee_participations keep the person's unit, location and tenure band at invitation (the
 *    wave's roster snapshot): roster changes while a wave runs do not touch it. Existing rows take
 *    the employee's current values, the best there is.
 *  - employee_answer_staging: where a submitted answer is acknowledged — no key, no id, no time.
 *    Answers move on to employee_answers in shuffled batches of at least k, so neither the order of
 *    rows nor a transaction links them to participations.
 *  - employee_answers keep only what a release needs: wave, the snapshot's cells, score, texts,
 *    language. No id, no date, no category; the per-answer theme table goes (themes are counted
 *    when the release is made, from the catalogue frozen when the wave opened). A wave's answers
 *    are deleted once its release is stored.
 *  - employee_wave_themes: the theme catalogue as it was when the wave opened.
 *  - employee_releases, employee_release_groups, employee_release_comments,
 *    employee_release_themes: the release.
 *  - nps_rollup no longer holds employee rows (its triggers on employee_answers go).
 */
export class EmployeeReleases1765100000000 implements MigrationInterface {
  name = 'EmployeeReleases1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_participations
                     ADD COLUMN org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
                     ADD COLUMN location text,
                     ADD COLUMN tenure_band text`);
    await q.query(`UPDATE employee_participations p SET org_unit_id = e.org_unit_id, location = e.location, tenure_band = e.tenure_band
                     FROM employees e WHERE e.id = p.employee_id`);

    await q.query(`
      CREATE TABLE employee_answer_staging (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        org_unit_id uuid,
        location text,
        tenure_band text,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        reason text,
        suggestion text,
        language text NOT NULL,
        ratings jsonb NOT NULL DEFAULT '[]'::jsonb
      )`);
    await q.query(`CREATE INDEX employee_answer_staging_wave_idx ON employee_answer_staging (wave_id)`);

    for (const trigger of ['nps_rollup_insert', 'nps_rollup_delete', 'nps_rollup_update']) await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON employee_answers`);
    await q.query(`DELETE FROM nps_rollup WHERE audience = 'EMPLOYEE'`);
    await q.query(`DROP TABLE employee_answer_themes`);
    await q.query(`ALTER TABLE employee_answers DROP COLUMN id, DROP COLUMN answered_on, DROP COLUMN category`);

    await q.query(`
      CREATE TABLE employee_wave_themes (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL,
        name text NOT NULL,
        keywords jsonb NOT NULL,
        PRIMARY KEY (wave_id, theme_id)
      )`);
    // Employee waves already running keep the catalogue as it is now.
    await q.query(`INSERT INTO employee_wave_themes (organization_id, wave_id, theme_id, name, keywords)
                   SELECT w.organization_id, w.id, t.id, t.name, t.keywords
                     FROM waves w JOIN themes t ON t.organization_id = w.organization_id
                    WHERE w.audience = 'EMPLOYEE' AND w.status <> 'DRAFT'`);

    await q.query(`
      CREATE TABLE employee_releases (
        wave_id uuid PRIMARY KEY REFERENCES waves(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        made_at timestamptz NOT NULL DEFAULT now(),
        threshold int NOT NULL,
        audit jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX employee_releases_org_idx ON employee_releases (organization_id)`);
    await q.query(`
      CREATE TABLE employee_release_groups (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES employee_releases(wave_id) ON DELETE CASCADE,
        key text NOT NULL,
        dimension text NOT NULL,
        org_unit_id uuid,
        value text,
        label text NOT NULL,
        parent_key text,
        position int NOT NULL,
        invited int NOT NULL,
        released boolean NOT NULL,
        hidden_reason text,
        responses int,
        promoters int,
        passives int,
        detractors int,
        distribution int[],
        comments boolean NOT NULL,
        participation boolean NOT NULL,
        responded int,
        PRIMARY KEY (wave_id, key),
        CHECK (released = (responses IS NOT NULL)),
        CHECK (released OR hidden_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX employee_release_groups_org_idx ON employee_release_groups (organization_id, key)`);
    await q.query(`
      CREATE TABLE employee_release_comments (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES employee_releases(wave_id) ON DELETE CASCADE,
        key text NOT NULL,
        position int NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (wave_id, key, position)
      )`);
    await q.query(`
      CREATE TABLE employee_release_themes (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES employee_releases(wave_id) ON DELETE CASCADE,
        key text NOT NULL,
        theme_id uuid NOT NULL,
        name text NOT NULL,
        mentions int NOT NULL,
        PRIMARY KEY (wave_id, key, theme_id)
      )`);

    // The rebuild (benchmarks, tests) counts identified responses only now.
    await q.query(`
      CREATE OR REPLACE FUNCTION nps_rollup_rebuild(org uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM nps_rollup WHERE organization_id = org;
        INSERT INTO nps_rollup (${KEY}, ${SCORES}, shard)
        SELECT n.organization_id, n.audience, n.wave_id, 'D', n.day, d.dim, d.dim_value, ${SCORE_COUNTS}, 0
          FROM (SELECT organization_id, audience, wave_id, (submitted_at AT TIME ZONE 'UTC')::date AS day, score, org_unit_id, owner_id, segments
                  FROM responses WHERE organization_id = org) n
         CROSS JOIN LATERAL (${RESPONSE_DIMS}) AS d(dim, dim_value)
         GROUP BY 1, 2, 3, 5, 6, 7;
        INSERT INTO nps_rollup (${KEY}, ${SCORES}, shard)
        SELECT organization_id, audience, wave_id, 'M', date_trunc('month', period)::date, dim, dim_value, ${SCORE_SUMS}, 0
          FROM nps_rollup WHERE organization_id = org AND grain = 'D'
         GROUP BY 1, 2, 3, 5, 6, 7;
      END $$`);
  }

  async down(): Promise<void> {
    throw new Error('EmployeeReleases cannot be undone: releases replace the answers they were made from');
  }
}
