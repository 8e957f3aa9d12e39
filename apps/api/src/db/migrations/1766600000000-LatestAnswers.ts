import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each contact's latest answer per audience and calendar period (issue 19, revenue at risk), so
 * that the board's value-weighted NPS reads one row per contact who answered instead of every
 * answer of the period sorted by contact. One row per (organization, audience, grain, period,
 * contact): grain 'Q' (the UTC quarter, period its first day) and 'Y' (the UTC year) — the board's
 * periods (reporting/base/calendar-period) — holding the answer that is latest by (submitted_at, id),
 * the same order the straightforward statement used: its id, time, category, org unit and owner.
 *
 * Statement-level triggers on responses keep it exact inside the writing transaction, beside the
 * NPS rollup's, so every path that writes answers (recordResponses: the respondent's submit and the
 * transactional programmes; the demo seeds; any bulk SQL) keeps it without knowing of it:
 * - an insert upserts the period rows of its answers, only where the answer is not older than the
 *   one held (rows in key order, so concurrent writers lock them in the same order);
 * - a delete, or an update of a column that matters (contact — an erasure or a deleted contact sets
 *   it to NULL —, audience, time, category, org unit, owner: the foreign keys' SET NULL included),
 *   recomputes only the rows that held one of the old answers, from the remaining answers of that
 *   contact and period through responses_contact_idx, and deletes those with none left; the
 *   recompute touches a row only while it still holds the old answer, so a concurrent newer answer
 *   is never overwritten; an update then upserts its new answers as an insert does.
 * An update of anything else (words erased, retention, updated_at) costs a comparison of the
 * transition tables and no write.
 *
 * latest_answers_rebuild(org) recomputes an organization's rows from the answers (after a bulk load
 * with triggers off: rebuildRollups calls it, and so the benchmark's seed).
 */
const GRAINS = (n: string) => `
  (VALUES ('Q', date_trunc('quarter', ${n}.submitted_at AT TIME ZONE 'UTC')::date),
          ('Y', date_trunc('year', ${n}.submitted_at AT TIME ZONE 'UTC')::date)) AS g(grain, period)`;
const KEY = 'organization_id, audience, grain, period, contact_id';
const COLUMNS = `${KEY}, answered_at, response_id, category, org_unit_id, owner_id`;

/** The latest answer of `source` (responses' columns) per key, in key order. */
const latestOf = (source: string) => `
  SELECT DISTINCT ON (n.organization_id, n.audience, g.grain, g.period, n.contact_id)
         n.organization_id, n.audience, g.grain, g.period, n.contact_id, n.submitted_at, n.id, n.category, n.org_unit_id, n.owner_id
    FROM ${source} n CROSS JOIN LATERAL ${GRAINS('n')}
   WHERE n.contact_id IS NOT NULL
   ORDER BY n.organization_id, n.audience, g.grain, g.period, n.contact_id, n.submitted_at DESC, n.id DESC`;

/** New answers count where they are not older than the answer held (equal: the same answer, updated). */
const UPSERT = (source: string) => `
  INSERT INTO latest_answers AS l (${COLUMNS})
  ${latestOf(source)}
  ON CONFLICT (${KEY}) DO UPDATE
     SET answered_at = EXCLUDED.answered_at, response_id = EXCLUDED.response_id, category = EXCLUDED.category,
         org_unit_id = EXCLUDED.org_unit_id, owner_id = EXCLUDED.owner_id
   WHERE (EXCLUDED.answered_at, EXCLUDED.response_id) >= (l.answered_at, l.response_id)`;

/** Rows that held an answer of `source` (gone or changed): the contact's latest remaining answer of the period, or none. */
const RECOMPUTE = (source: string) => `
  WITH stale AS (
    SELECT l.organization_id, l.audience, l.grain, l.period, l.contact_id, l.response_id AS old_id,
           f.id, f.submitted_at, f.category, f.org_unit_id, f.owner_id
      FROM ${source} o
      CROSS JOIN LATERAL ${GRAINS('o')}
      JOIN latest_answers l ON l.organization_id = o.organization_id AND l.audience = o.audience AND l.grain = g.grain
                           AND l.period = g.period AND l.contact_id = o.contact_id AND l.response_id = o.id
      LEFT JOIN LATERAL (
        SELECT r.id, r.submitted_at, r.category, r.org_unit_id, r.owner_id
          FROM responses r
         WHERE r.contact_id = l.contact_id AND r.organization_id = l.organization_id AND r.audience = l.audience
           AND r.submitted_at >= (l.period::timestamp AT TIME ZONE 'UTC')
           AND r.submitted_at < ((l.period + CASE l.grain WHEN 'Q' THEN interval '3 months' ELSE interval '1 year' END) AT TIME ZONE 'UTC')
         ORDER BY r.submitted_at DESC, r.id DESC
         LIMIT 1
      ) f ON true
     WHERE o.contact_id IS NOT NULL
  ), refreshed AS (
    UPDATE latest_answers l
       SET answered_at = s.submitted_at, response_id = s.id, category = s.category, org_unit_id = s.org_unit_id, owner_id = s.owner_id
      FROM stale s
     WHERE s.id IS NOT NULL AND l.organization_id = s.organization_id AND l.audience = s.audience AND l.grain = s.grain
       AND l.period = s.period AND l.contact_id = s.contact_id AND l.response_id = s.old_id
  )
  DELETE FROM latest_answers l
   USING stale s
   WHERE s.id IS NULL AND l.organization_id = s.organization_id AND l.audience = s.audience AND l.grain = s.grain
     AND l.period = s.period AND l.contact_id = s.contact_id AND l.response_id = s.old_id`;

/** The columns that decide a row; an update that changes none of them changes nothing here. */
const RELEVANT = 'id, organization_id, audience, contact_id, submitted_at, category, org_unit_id, owner_id';

export class LatestAnswers1766600000000 implements MigrationInterface {
  name = 'LatestAnswers1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE latest_answers (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audience text NOT NULL,
        grain char(1) NOT NULL CHECK (grain IN ('Q', 'Y')),
        period date NOT NULL,
        contact_id uuid NOT NULL,
        answered_at timestamptz NOT NULL,
        response_id uuid NOT NULL,
        category text NOT NULL,
        org_unit_id uuid,
        owner_id uuid,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION latest_answers_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${UPSERT('new_rows')};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION latest_answers_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${RECOMPUTE('old_rows')};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION latest_answers_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT ${RELEVANT} FROM old_rows EXCEPT SELECT ${RELEVANT} FROM new_rows) THEN
          RETURN NULL;
        END IF;
        ${RECOMPUTE(`(SELECT ${RELEVANT} FROM old_rows EXCEPT SELECT ${RELEVANT} FROM new_rows)`)};
        ${UPSERT(`(SELECT ${RELEVANT} FROM new_rows EXCEPT SELECT ${RELEVANT} FROM old_rows)`)};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER latest_answers_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION latest_answers_insert()`);
    await q.query(`CREATE TRIGGER latest_answers_delete AFTER DELETE ON responses REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION latest_answers_delete()`);
    await q.query(`CREATE TRIGGER latest_answers_update AFTER UPDATE ON responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION latest_answers_update()`);
    await q.query(`
      CREATE FUNCTION latest_answers_rebuild(org uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM latest_answers WHERE organization_id = org;
        INSERT INTO latest_answers (${COLUMNS})
        ${latestOf('(SELECT * FROM responses WHERE organization_id = org)')};
      END $$`);
    await q.query(`SELECT latest_answers_rebuild(id) FROM organizations`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const kind of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER latest_answers_${kind} ON responses`);
    for (const kind of ['insert', 'delete', 'update']) await q.query(`DROP FUNCTION latest_answers_${kind}()`);
    await q.query(`DROP FUNCTION latest_answers_rebuild(uuid)`);
    await q.query(`DROP TABLE latest_answers`);
  }
}
