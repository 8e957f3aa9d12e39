import type pg from 'pg';
import type PgBoss from 'pg-boss';
import type { QueryRunner } from 'typeorm';

/**
 * pg-boss runs every statement through an adapter (its `db` option): `executeSql(text, values)`
 * answering `{ rows }`. Each call is one statement (or one of pg-boss's self-committing
 * maintenance scripts); none keeps a connection between calls, so a job never holds one while
 * its handler waits on mail or HTTP.
 */
export type SqlAdapter = PgBoss.Db;

/**
 * Through the app's own pool. On the embedded database that pool has one connection, so pg-boss
 * queues for it like any request does and the whole process shares PGlite's single session.
 *
 * pg-boss's maintenance scripts are `BEGIN; …; COMMIT;` sent as one string. If a statement in the
 * middle fails (a lock timeout), PostgreSQL leaves that session inside the failed transaction; the
 * next caller of a shared connection would then get "current transaction is aborted". So after a
 * failed script this connection is rolled back before it goes back to the pool.
 */
export function poolAdapter(pool: pg.Pool): SqlAdapter {
  return {
    async executeSql(text: string, values: unknown[]) {
      const client = await pool.connect();
      try {
        return await client.query(text, values);
      } catch (error) {
        if (/^\s*BEGIN\b/i.test(text)) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Inside the caller's transaction: a job sent this way exists exactly when that transaction commits. */
export function transactionAdapter(queryRunner: QueryRunner): SqlAdapter {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await queryRunner.query(text, values, true);
      return { rows: result.records ?? [] };
    },
  };
}
