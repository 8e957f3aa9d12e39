import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase, launchServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * On PostgreSQL: a database the server migrated and seeded with the demo, its background work
     * done, that each test file's server copies (CREATE DATABASE … TEMPLATE), and the mails that
     * seeding wrote, which each file's outbox starts with. Null on the embedded database.
     */
    e2eSeeded: { database: string; outbox: string } | null;
  }
}

/**
 * Seeding the demo takes a server about 16 s; with PostgreSQL it happens once per run instead of
 * once per file. The copy is what a file's own server would have made: the same build, the same
 * seed, and the seed's mails and jobs finished.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide('e2eSeeded', null);
    return;
  }
  const database = await createDatabase(serverUrl);
  const keep = await mkdtemp(join(tmpdir(), 'tandem-e2e-seed-'));
  const outbox = join(keep, 'outbox');
  try {
    const server = await launchServer({ database, keepDatabase: true });
    try {
      await untilBackgroundWorkIsDone(database.url);
      await cp(server.outboxDir, outbox, { recursive: true });
    } finally {
      await server.stop();
    }
  } catch (error) {
    await database.drop();
    await rm(keep, { recursive: true, force: true });
    throw error;
  }
  project.provide('e2eSeeded', { database: database.name, outbox });
  return async () => {
    await database.drop();
    await rm(keep, { recursive: true, force: true });
  };
}

/** Waits until no job is due or running (the seed's mails written), seen twice a second apart. */
async function untilBackgroundWorkIsDone(url: string, timeoutMs = 120_000): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error('The seeded server still had jobs due after 2 minutes.');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const { rows } = await client.query<{ due: number }>(
        `SELECT count(*)::int AS due FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`,
      );
      quiet = rows[0]!.due === 0 ? quiet + 1 : 0;
    }
  } finally {
    await client.end();
  }
}
