import type { EntityManager } from 'typeorm';

/**
 * An importing module's staging table (contact_import_rows, roster_import_rows): the rows of one
 * import job, `job_id` first, then the module's own columns. The module calls these with its
 * table; the SQL is the same for every one.
 */
export interface StagingTable {
  name: string;
  /** Every column after job_id, with its SQL type, in the table's order: the rows' keys. */
  columns: Record<string, string>;
}

/** Stages a chunk of rows in one statement. */
export async function stageRows(tx: EntityManager, table: StagingTable, jobId: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(table.columns);
  await tx.query(
    `INSERT INTO ${table.name} (job_id, ${names.join(', ')})
     SELECT $1, ${names.map((n) => `t.${n}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS t(${names.map((n) => `${n} ${table.columns[n]}`).join(', ')})`,
    [jobId, JSON.stringify(rows)],
  );
}

/** Deletes a job's staged rows. */
export async function unstageRows(db: EntityManager, table: StagingTable, jobId: string): Promise<void> {
  await db.query(`DELETE FROM ${table.name} WHERE job_id = $1`, [jobId]);
}
