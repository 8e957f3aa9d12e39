/** The bench's own database, tandem_bench, dropped and created afresh on the server of the run. */
import pg from 'pg';

export const BENCH_DB = 'tandem_bench';

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where to drop and create the bench database from: the given database, or `postgres` when that is the bench database itself. */
export function adminUrl(serverUrl: string): string {
  return new URL(serverUrl).pathname === `/${BENCH_DB}` ? databaseUrl(serverUrl, 'postgres') : serverUrl;
}

/** Drops and creates tandem_bench (or another bench database, `name`); returns its URL. */
export async function recreateDatabase(serverUrl: string, name = BENCH_DB): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}
