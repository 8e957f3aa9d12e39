import type pg from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from './embedded.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { installStatementTimeouts } from './query-timeout.js';

export interface Database {
  dataSource: DataSource;
  /** 'postgres' for a real server at DATABASE_URL, 'embedded' for PGlite. */
  mode: 'postgres' | 'embedded';
  /** Embedded only: the whole database as a tarball, to start another PGlite from (tests). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface PoolOptions {
  poolSize?: number;
  /** How long an idle connection stays in the pool (pg's default: 10 s); the embedded database keeps its one. */
  idleTimeoutMs?: number;
}

/**
 * PGlite is one session for its whole life: what a connection left behind (named prepared
 * statements, settings, temporary tables) is still there when the pool opens its next connection
 * after dropping an idle one, and `PREPARE "respondent-invitation"` would then fail with "already
 * exists". So on the embedded database every new connection (after an error) starts with DISCARD
 * ALL, as a fresh server session would; the pool awaits it before handing the connection out.
 */
const resetEmbeddedSession = async (client: pg.PoolClient) => {
  await client.query('DISCARD ALL');
};

export function createDataSource(url: string, poolSize: number, idleTimeoutMs = 10_000, onConnect?: (client: pg.PoolClient) => Promise<void>): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: { max: poolSize, idleTimeoutMillis: idleTimeoutMs, onConnect },
  });
}

/**
 * Opens the database (a real server when databaseUrl is set, otherwise PGlite in embeddedDir, or in
 * memory when that is null) and brings its schema up to date with the committed migrations.
 */
export async function openDatabase(
  config: { databaseUrl: string | null; embeddedDir: string | null; embeddedImage?: Blob },
  options: PoolOptions = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const dataSource = createDataSource(config.databaseUrl, options.poolSize ?? 10, options.idleTimeoutMs);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    installStatementTimeouts(dataSource);
    return { dataSource, mode: 'postgres', close: () => dataSource.destroy() };
  }
  const embedded = await startEmbeddedPostgres(config.embeddedDir, config.embeddedImage);
  // The pool's one connection is never dropped for being idle (0): PGlite's socket server takes one
  // connection at a time and sees the old one's close a moment late, so a request arriving just as
  // the pool reconnected was refused ("Too many connections").
  const dataSource = createDataSource(embedded.url, 1, 0, resetEmbeddedSession);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  installStatementTimeouts(dataSource);
  return {
    dataSource,
    mode: 'embedded',
    dump: () => embedded.dump(),
    async close() {
      await dataSource.destroy();
      await embedded.stop();
    },
  };
}

