import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leadership board (issue 6):
 *  - nps_targets: a target NPS per organization, audience and period (a year, or a quarter of it);
 *  - nps_benchmarks: industry benchmarks the organization enters (name, value, source);
 *  - wave_response_counts: invited and responded per wave — invitations of identified waves,
 *    participations of employee waves (counts only, nothing about who) — kept exact by
 *    statement-level triggers like nps_rollup (and sharded like it), so a board's response rates
 *    cost what the number of waves costs, not the number of invitations; readers sum the shards.
 *    `wave_response_counts_rebuild(org)` redoes them from the tables (after a bulk load with
 *    triggers off, or to verify);
 *  - a partial index over unresolved follow-ups, which the board counts (open and overdue).
 */
const COUNTED = [
  // table, "responded" of one row
  ['invitations', `(x.status = 'RESPONDED')::int`],
  ['employee_participations', `x.responded::int`],
] as const;

/**
 * Like nps_rollup, each writer adds into the shard of its connection, so concurrent answers to one
 * wave do not queue on one row lock; readers sum over the shards.
 */
const SHARDS = 8;
const WRITER_SHARD = `(pg_backend_pid() % ${SHARDS})::smallint`;

/**
 * The trigger functions that keep wave_response_counts, per counted table, each `FUNCTION ...` for
 * CREATE (or CREATE OR REPLACE) with the given expression for the writer's shard.
 */
export function countTriggerFunctions(shard: string) {
  return COUNTED.map(([table, responded]) => ({
    table,
    functions: [
      `FUNCTION wave_response_counts_${table}_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${ADD(deltas('new_rows', 1, responded), shard)};
          RETURN NULL;
        END $$`,
      `FUNCTION wave_response_counts_${table}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${ADD(deltas('old_rows', -1, responded), shard)};
          RETURN NULL;
        END $$`,
      `FUNCTION wave_response_counts_${table}_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${ADD(`${deltas('old_rows', -1, responded)} UNION ALL ${deltas('new_rows', 1, responded)}`, shard)};
          RETURN NULL;
        END $$`,
    ],
  }));
}

/** Rows of `source` as counts per wave, times `sign`. */
const deltas = (source: string, sign: 1 | -1, responded: string) =>
  `SELECT x.wave_id, x.organization_id, ${sign} * count(*)::int AS invited, ${sign} * coalesce(sum(${responded}), 0)::int AS responded
     FROM ${source} x GROUP BY x.wave_id, x.organization_id`;

/**
 * Adds the deltas into a shard, in wave order so that writers lock alike. Only waves that still
 * exist: rows deleted along with their wave (a cascade) leave nothing to count.
 */
const ADD = (select: string, shard = WRITER_SHARD) => `
  INSERT INTO wave_response_counts AS c (wave_id, shard, organization_id, invited, responded)
  SELECT d.wave_id, ${shard}, d.organization_id, sum(d.invited), sum(d.responded) FROM (${select}) d
   WHERE EXISTS (SELECT 1 FROM waves w WHERE w.id = d.wave_id)
   GROUP BY d.wave_id, d.organization_id
  HAVING sum(d.invited) <> 0 OR sum(d.responded) <> 0
   ORDER BY d.wave_id
  ON CONFLICT (wave_id, shard) DO UPDATE SET invited = c.invited + EXCLUDED.invited, responded = c.responded + EXCLUDED.responded`;

export class BoardTargets1764600000000 implements MigrationInterface {
  name = 'BoardTargets1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nps_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audience text NOT NULL CHECK (audience IN ('CUSTOMER','CANDIDATE','ASSOCIATE','EMPLOYEE')),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter int CHECK (quarter BETWEEN 1 AND 4),
        value numeric NOT NULL CHECK (value BETWEEN -100 AND 100),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One target per organization, audience, year and quarter (no quarter: the year's target).
    await q.query(`CREATE UNIQUE INDEX nps_targets_per_period ON nps_targets (organization_id, audience, year, (coalesce(quarter, 0)))`);

    await q.query(`
      CREATE TABLE nps_benchmarks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audience text NOT NULL CHECK (audience IN ('CUSTOMER','CANDIDATE','ASSOCIATE','EMPLOYEE')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        value numeric NOT NULL CHECK (value BETWEEN -100 AND 100),
        source text CHECK (length(source) <= 500),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX nps_benchmarks_org_idx ON nps_benchmarks (organization_id, audience, created_at)`);

    await q.query(`
      CREATE TABLE wave_response_counts (
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        shard smallint NOT NULL,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        invited int NOT NULL DEFAULT 0,
        responded int NOT NULL DEFAULT 0,
        PRIMARY KEY (wave_id, shard)
      )`);
    await q.query(`CREATE INDEX wave_response_counts_org_idx ON wave_response_counts (organization_id)`);
    for (const { table, functions } of countTriggerFunctions(WRITER_SHARD)) {
      for (const sql of functions) await q.query(`CREATE ${sql}`);
      await q.query(`CREATE TRIGGER wave_response_counts_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION wave_response_counts_${table}_insert()`);
      await q.query(`CREATE TRIGGER wave_response_counts_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION wave_response_counts_${table}_delete()`);
      await q.query(`CREATE TRIGGER wave_response_counts_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION wave_response_counts_${table}_update()`);
    }
    await q.query(`
      CREATE FUNCTION wave_response_counts_rebuild(org uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM wave_response_counts WHERE organization_id = org;
        ${ADD(
          COUNTED.map(([table, responded]) => deltas(`(SELECT * FROM ${table} WHERE organization_id = org)`, 1, responded)).join(' UNION ALL '),
          '0::smallint',
        )};
      END $$`);
    await q.query(`SELECT wave_response_counts_rebuild(id) FROM organizations`);

    await q.query(`CREATE INDEX follow_ups_unresolved_idx ON follow_ups (organization_id, due_at) WHERE status <> 'RESOLVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX follow_ups_unresolved_idx`);
    for (const [table] of COUNTED) {
      for (const kind of ['insert', 'delete', 'update']) {
        await q.query(`DROP TRIGGER wave_response_counts_${kind} ON ${table}`);
        await q.query(`DROP FUNCTION wave_response_counts_${table}_${kind}()`);
      }
    }
    await q.query(`DROP FUNCTION wave_response_counts_rebuild(uuid)`);
    await q.query(`DROP TABLE wave_response_counts`);
    await q.query(`DROP TABLE nps_benchmarks`);
    await q.query(`DROP TABLE nps_targets`);
  }
}
