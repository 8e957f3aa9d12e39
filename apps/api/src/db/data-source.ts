import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from './embedded.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export interface Database {
  dataSource: DataSource;
  /** 'postgres' for a real server at DATABASE_URL, 'embedded' for PGlite. */
  mode: 'postgres' | 'embedded';
  close(): Promise<void>;
}

export function createDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: { max: poolSize },
  });
}

/**
 * Opens the database (a real server when databaseUrl is set, otherwise PGlite in embeddedDir, or in
 * memory when that is null) and brings its schema up to date with the committed migrations.
 */
export async function openDatabase(
  config: { databaseUrl: string | null; embeddedDir: string | null },
  options: { poolSize?: number } = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const dataSource = createDataSource(config.databaseUrl, options.poolSize ?? 10);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return { dataSource, mode: 'postgres', close: () => dataSource.destroy() };
  }
  const embedded = await startEmbeddedPostgres(config.embeddedDir);
  const dataSource = createDataSource(embedded.url, 1);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    mode: 'embedded',
    async close() {
      await dataSource.destroy();
      await embedded.stop();
    },
  };
}
