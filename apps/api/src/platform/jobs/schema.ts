import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import type { QueryRunner } from 'typeorm';

/** The PostgreSQL schema that holds pg-boss's tables (the job queue, issue 17). */
export const JOB_SCHEMA = 'pgboss';

/** The schema version of the installed pg-boss package (10.x: 24). */
export const PG_BOSS_SCHEMA_VERSION: number = createRequire(import.meta.url)('pg-boss/version.json').schema;

/**
 * Brings pg-boss's schema to the version of the installed package: creates it on a fresh database,
 * or runs pg-boss's own migration plans from the version it has. pg-boss's plans are scripts with
 * their own BEGIN … COMMIT under an advisory lock, so two processes migrating at once wait for each
 * other; run twice, the second run changes nothing. Called by migrations only (db/migrations).
 *
 * When pg-boss is upgraded to a release with a new schema version, add a migration that calls this
 * again: the app starts pg-boss with `migrate: false`, so until then it refuses to start ("requires
 * migrations") rather than changing the schema outside a migration.
 */
export async function installPgBoss(q: QueryRunner): Promise<void> {
  const [{ name }] = await q.query(`SELECT to_regclass('${JOB_SCHEMA}.version')::text AS name`);
  if (!name) {
    await q.query(PgBoss.getConstructionPlans(JOB_SCHEMA));
    return;
  }
  const [{ version }] = await q.query(`SELECT version FROM ${JOB_SCHEMA}.version`);
  // pg-boss compares the version as a number; its typings say string.
  if (Number(version) < PG_BOSS_SCHEMA_VERSION) await q.query(PgBoss.getMigrationPlans(JOB_SCHEMA, Number(version) as unknown as string));
}
