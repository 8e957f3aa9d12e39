import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type PoolOptions } from '../../src/db/data-source.js';

/**
 * A database of this test file's own: a fresh database on the server at DATABASE_URL when it is
 * set, otherwise a fresh in-memory PGlite. Pass { embedded: true } to test the embedded mode even
 * when DATABASE_URL is set.
 */
export async function openTestDatabase(options: { embedded?: boolean; pool?: PoolOptions } = {}): Promise<Database> {
  const serverUrl = options.embedded ? undefined : process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ databaseUrl: null, embeddedDir: null }, options.pool);

  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), embeddedDir: null }, options.pool);
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
