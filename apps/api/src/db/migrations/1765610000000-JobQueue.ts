import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JOB_SCHEMA, installPgBoss } from '../../platform/jobs/schema.js';

/**
 * The durable job queue (issue 17): pg-boss's tables in their own schema, pgboss. Made here rather
 * than by pg-boss at start so the schema changes only through migrations, the seeded test databases
 * already have it, and a pg-boss upgrade without its migration fails at start instead of altering
 * the schema on its own (see installPgBoss). Not in a TypeORM transaction: pg-boss's scripts
 * commit themselves.
 */
export class JobQueue1765610000000 implements MigrationInterface {
  name = 'JobQueue1765610000000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await installPgBoss(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
  }
}
