/**
 * Modules of the API's build (apps/api/dist) that the bench calls, so that it writes what the API
 * itself would: the default questions of a wave, the rollup rebuild after a bulk load, an employee
 * wave's frozen theme catalogue and its release.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A module of the build, or null when the build has no such file. */
export async function apiModule<T>(apiDist: string, path: string): Promise<T | null> {
  const file = resolve(apiDist, path);
  if (!existsSync(file)) return null;
  return (await import(pathToFileURL(file).href)) as T;
}

/** A module of the build the bench cannot do without: an error that says to build the API when it is missing. */
export async function requireApiModule<T>(apiDist: string, path: string): Promise<T> {
  const mod = await apiModule<T>(apiDist, path);
  if (!mod) throw new Error(`${resolve(apiDist, path)} is missing: build the API first (npx turbo run build --filter=@tandem/api)`);
  return mod;
}

/** What the bench uses of a TypeORM DataSource (the API's services take its `manager`). */
export interface ApiDataSource {
  manager: unknown;
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Runs `use` with a DataSource made by the API's own createDataSource (db/data-source.js), destroyed afterwards. */
export async function withApiDataSource<T>(databaseUrl: string, apiDist: string, use: (dataSource: ApiDataSource) => Promise<T>): Promise<T> {
  await import('reflect-metadata' as string);
  const { createDataSource } = await requireApiModule<{
    createDataSource(url: string, poolSize: number): ApiDataSource & { initialize(): Promise<unknown>; destroy(): Promise<void> };
  }>(apiDist, 'db/data-source.js');
  const dataSource = createDataSource(databaseUrl, 2);
  await dataSource.initialize();
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
