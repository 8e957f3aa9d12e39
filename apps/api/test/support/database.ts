import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database, type PoolOptions } from '../../src/db/data-source.js';
import { adminQuery } from './global-setup.js';

/**
 * A database of this test file's own: a fresh database on the server at DATABASE_URL when it is
 * set, otherwise a fresh in-memory PGlite, copied from the run's migrated one (or, with
 * { seeded: true }, its migrated and seeded one; see global-setup.ts). Pass { embedded: true } to
 * test the embedded mode even when DATABASE_URL is set (it then migrates, and the caller seeds).
 */
export async function openTestDatabase(options: { embedded?: boolean; seeded?: boolean; pool?: PoolOptions } = {}): Promise<Database> {
  const kind = options.seeded ? 'seeded' : 'migrated';
  const serverUrl = options.embedded ? undefined : process.env.DATABASE_URL;
  if (!serverUrl) {
    const image = process.env.DATABASE_URL ? null : inject('images')?.[kind];
    const embeddedImage = image ? new Blob([readFileSync(image)]) : undefined;
    return openDatabase({ databaseUrl: null, embeddedDir: null, embeddedImage }, options.pool);
  }

  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const template = inject('templates')?.[kind];
  await adminQuery(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), embeddedDir: null }, options.pool);
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
