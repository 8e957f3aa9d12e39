import type { EntityManager } from 'typeorm';

/** UPDATE ... RETURNING answers [rows, count] through TypeORM's query(); this returns the rows. */
export async function updateReturning<T>(db: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}

/**
 * Independent reads: at once when `db` is the pool's (each read takes a connection of its own), one
 * after the other when it is bound to one connection (a transaction's EntityManager), where they
 * would queue on that one client — which pg deprecates ("Calling client.query() when the client is
 * already executing a query") and gains nothing from.
 */
export async function readTogether<T extends readonly unknown[]>(db: EntityManager, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!db.queryRunner) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
