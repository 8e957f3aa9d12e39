import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/data-source.js';
import { createLogger } from '../../src/logger.js';
import { seedDemoIfEmpty } from '../../src/seed/demo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated and seeded database on the DATABASE_URL server that test files copy (CREATE DATABASE … TEMPLATE). */
    seededTemplate: string | null;
    /** A migrated and seeded PGlite, dumped to this file, that test files start from. */
    seededImage: string | null;
  }
}

/**
 * Migrating and seeding the demo takes longer than most test files' own work, so it runs once per
 * run: on the PostgreSQL server when DATABASE_URL is set (a template database), otherwise in PGlite
 * (a dump). Each test file still gets a database of its own, copied from it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger('silent');
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `tandem_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), embeddedDir: null }, { poolSize: 2 });
    await seedDemoIfEmpty(db.dataSource, logger);
    await db.close();
    project.provide('seededTemplate', name);
    project.provide('seededImage', null);
    return () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-image-'));
  const file = path.join(dir, 'seeded.tar');
  const db = await openDatabase({ databaseUrl: null, embeddedDir: null });
  await seedDemoIfEmpty(db.dataSource, logger);
  writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  project.provide('seededTemplate', null);
  project.provide('seededImage', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
