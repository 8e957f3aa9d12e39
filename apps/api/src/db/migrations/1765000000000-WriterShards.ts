import type { MigrationInterface, QueryRunner } from 'typeorm';
import { countTriggerFunctions } from './1764600000000-BoardTargets.js';
import { PID_SHARD, rollupTriggerFunctions } from './1764500000000-NpsRollups.js';

/**
 * Each database session writes into a shard of its own. The triggers that keep nps_rollup and
 * wave_response_counts add each writer's counts into the shard of its connection, so concurrent
 * answers do not queue on one row lock; readers sum over the shards. The shard was the backend's
 * pid modulo 8, and with a pool of 10 connections at least two always shared a shard: measured
 * with pg_stat_statements at 50 concurrent respondents, most of an answer's time in the database
 * was spent waiting on the other's row locks. Now a session takes the next number of a sequence
 * (modulo 64) the first time it writes, and keeps it: the connections of a pool, opened one after
 * the other, write into different shards.
 */
export const WRITER_SHARD_SQL = 'writer_shard()';

export class WriterShards1765000000000 implements MigrationInterface {
  name = 'WriterShards1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE writer_shard_seq`);
    await q.query(`
      CREATE FUNCTION writer_shard() RETURNS smallint LANGUAGE plpgsql AS $$
      DECLARE
        shard text := current_setting('tandem.writer_shard', true);
      BEGIN
        IF shard IS NULL OR shard = '' THEN
          shard := (nextval('writer_shard_seq') % 64)::text;
          PERFORM set_config('tandem.writer_shard', shard, false);
        END IF;
        RETURN shard::smallint;
      END $$`);
    await this.replaceTriggerFunctions(q, WRITER_SHARD_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.replaceTriggerFunctions(q, PID_SHARD);
    await q.query(`DROP FUNCTION writer_shard()`);
    await q.query(`DROP SEQUENCE writer_shard_seq`);
  }

  private async replaceTriggerFunctions(q: QueryRunner, shard: string): Promise<void> {
    for (const { functions } of [...rollupTriggerFunctions(shard), ...countTriggerFunctions(shard)]) {
      for (const sql of functions) await q.query(`CREATE OR REPLACE ${sql}`);
    }
  }
}
