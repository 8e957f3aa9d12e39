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
    /** Databases on the DATABASE_URL server that test files copy (CREATE DATABASE … TEMPLATE): migrated, and migrated and seeded. */
    templates: { migrated: string; seeded: string } | null;
    /** The same as dumps of PGlite, which test files start from when there is no DATABASE_URL. */
    images: { migrated: string; seeded: string } | null;
  }
}

/**
 * Migrating takes a few seconds and seeding the demo longer than most test files' own work, so
 * both run once per run: on the PostgreSQL server when DATABASE_URL is set (template databases),
 * otherwise in PGlite (dumps). Each test file still gets a database of its own, copied from one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger('silent');
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const suffix = randomBytes(6).toString('hex');
    const templates = { migrated: `tandem_migrated_${suffix}`, seeded: `tandem_template_${suffix}` };
    const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    await adminQuery(serverUrl, `CREATE DATABASE ${templates.migrated}`);
    await (await openDatabase({ databaseUrl: urlOf(templates.migrated), embeddedDir: null }, { poolSize: 2 })).close();
    await adminQuery(serverUrl, `CREATE DATABASE ${templates.seeded} TEMPLATE ${templates.migrated}`);
    const db = await openDatabase({ databaseUrl: urlOf(templates.seeded), embeddedDir: null }, { poolSize: 2 });
    await seedDemoIfEmpty(db.dataSource, logger);
    await db.close();
    project.provide('templates', templates);
    project.provide('images', null);
    return async () => {
      for (const name of Object.values(templates)) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-image-'));
  const images = { migrated: path.join(dir, 'migrated.tar'), seeded: path.join(dir, 'seeded.tar') };
  const db = await openDatabase({ databaseUrl: null, embeddedDir: null });
  writeFileSync(images.migrated, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await seedDemoIfEmpty(db.dataSource, logger);
  writeFileSync(images.seeded, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  project.provide('templates', null);
  project.provide('images', images);
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
