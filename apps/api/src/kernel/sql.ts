import type { EntityManager } from 'typeorm';

/** UPDATE ... RETURNING answers [rows, count] through TypeORM's query(); this returns the rows. */
export async function updateReturning<T>(db: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}
