import type pg from 'pg';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * A read on a hot path as a named prepared statement: each connection plans it once and reuses the
 * plan, where TypeORM's statements are planned on every call (a join of a few entities costs more
 * to plan than to run). Outside any transaction only: it takes a connection of the pool itself.
 */
export async function preparedRows(db: EntityManager, name: string, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  // Inside a transaction this would take a second connection (and wait forever on PGlite's one).
  if (db.queryRunner?.isTransactionActive) throw new Error(`prepared statement ${name} asked inside a transaction`);
  const pool = (db.connection.driver as PostgresDriver).master as pg.Pool;
  return (await pool.query({ name, text, values })).rows;
}

/** `alias.column AS alias_column, ...` for every column of an entity, for entityOf to read back. */
export function selectColumns(db: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return db.connection
    .getMetadata(target)
    .columns.map((c) => `${alias}.${c.databaseName} AS ${alias}_${c.databaseName}`)
    .join(', ');
}

/**
 * `json_build_object('alias_column', alias.column, ...)` for every column of an entity: a row of it
 * inside json_agg, for entityOf to read back (for columns whose JSON form is their value: no dates).
 */
export function jsonColumns(db: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
  const pairs = db.connection.getMetadata(target).columns.map((c) => `'${alias}_${c.databaseName}', ${alias}.${c.databaseName}`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** The entity whose columns selectColumns (or jsonColumns) put in a row under `alias`. */
export function entityOf<T extends ObjectLiteral>(db: EntityManager, target: new () => T, row: Record<string, unknown>, alias: string): T {
  const entity = new target();
  for (const column of db.connection.getMetadata(target).columns) {
    (entity as Record<string, unknown>)[column.propertyName] = row[`${alias}_${column.databaseName}`];
  }
  return entity;
}
