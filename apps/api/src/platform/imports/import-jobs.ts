import type { EntityManager } from 'typeorm';
import { isUuid } from '../../kernel/batch.js';
import { orgOf, type Context } from '../../kernel/context.js';
import { conflict, notFound } from '../../kernel/errors.js';
import type { ImportPreview } from '../csv/import-preview.js';
import type { ImportResult, RowError } from '../csv/import-result.types.js';
import { enqueue } from '../jobs/queue.js';
import type { JobData, QueueOptions } from '../jobs/types.js';
import { ImportJobType, type ImportKind, type ImportStatus } from './import-job.types.js';
import { findUpload, markImported, type Owner } from './uploads.js';

/**
 * Import jobs (issue 17): the row a client polls (importJob) and the job that does the work
 * (runner.ts). Started by the importing modules (startContactImport, startRosterImport) with the
 * options their rows need (a manager's contacts are their own); an organization and its owner
 * (the user or API client who started it) see a job, nobody else.
 */

export const IMPORT_QUEUE = 'imports.run';
/**
 * A job that fails unexpectedly (the database went away) runs twice more; one killed with its
 * process runs again when it expires (or, on the embedded database, when the process starts again).
 * Its time limit is far above a 100,000-row import's (docs/performance.md).
 */
export const IMPORT_QUEUE_OPTIONS: QueueOptions = { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 1800 };

export interface ImportJobData extends JobData {
  organizationId: string;
  importJobId: string;
}

export interface ImportJobRow {
  id: string;
  organization_id: string;
  kind: ImportKind;
  dry_run: boolean;
  upload_id: string | null;
  options: Record<string, unknown>;
  status: ImportStatus;
  rows_total: number | null;
  rows_done: number;
  error_count: number;
  errors: RowError[];
  result: ImportResult | null;
  preview: ImportPreview | null;
  message: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS = `id, organization_id, kind, dry_run, upload_id, options, status, rows_total, rows_done, error_count, errors, result, preview, message, created_at, finished_at`;

export function toImportJob(row: ImportJobRow): ImportJobType {
  const progress = row.status === 'DONE' ? 1 : row.rows_total ? Math.min(1, row.rows_done / row.rows_total) : 0;
  return Object.assign(new ImportJobType(), {
    id: row.id,
    kind: row.kind,
    dryRun: row.dry_run,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    progress,
    errors: row.errors,
    errorCount: row.error_count,
    result: row.result,
    preview: row.preview,
    message: row.message,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  });
}

/** The caller as an upload's or job's owner. */
export function ownerOf(ctx: Context): Owner {
  const organizationId = orgOf(ctx);
  return { organizationId, kind: ctx.principal!.kind, id: ctx.principal!.id };
}

/**
 * Starts an import of one of the caller's uploads: NOT_FOUND (uploadId) for an unknown, expired or
 * anyone else's upload, CONFLICT (uploadId) when a real import took it already. A dry run leaves
 * the upload for the real import; a real one takes it. The job is queued in the same transaction.
 */
export async function startImportJob(ctx: Context, kind: ImportKind, uploadId: string, dryRun: boolean, options: Record<string, unknown>): Promise<ImportJobType> {
  const owner = ownerOf(ctx);
  const now = ctx.app.now();
  const job = await ctx.db.transaction(async (tx) => {
    const upload = await findUpload(tx, owner, uploadId, now);
    if (!upload) throw notFound('Upload', 'uploadId');
    if (upload.importedAt) throw conflict('uploadId', 'This file was imported already; upload it again to import it once more');
    if (!dryRun) await markImported(tx, upload.id, now);
    const [row]: ImportJobRow[] = await tx.query(
      `INSERT INTO import_jobs (organization_id, owner_kind, owner_id, kind, dry_run, upload_id, options, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8)
       RETURNING ${COLUMNS}`,
      [owner.organizationId, owner.kind, owner.id, kind, dryRun, upload.id, JSON.stringify(options), now],
    );
    await enqueue<ImportJobData>(tx, IMPORT_QUEUE, { organizationId: owner.organizationId, importJobId: row.id });
    return toImportJob(row);
  });
  ctx.logger.info({ event: 'import.started', importJobId: job.id, kind, dryRun }, 'import job started');
  return job;
}

/** One of the caller's import jobs; NOT_FOUND for anyone else's, like an unknown id. */
export async function getImportJob(ctx: Context, id: string): Promise<ImportJobType> {
  const owner = ownerOf(ctx);
  const [row]: ImportJobRow[] = isUuid(id)
    ? await ctx.db.query(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1 AND organization_id = $2 AND owner_kind = $3 AND owner_id = $4`, [
        id,
        owner.organizationId,
        owner.kind,
        owner.id,
      ])
    : [];
  if (!row) throw notFound('Import job');
  return toImportJob(row);
}

// The runner's writes (the import_jobs table is written only in this module).

export async function loadImportJob(db: EntityManager, id: string): Promise<ImportJobRow | null> {
  const [row]: ImportJobRow[] = await db.query(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
  return row ?? null;
}

/** A new phase (or a fresh start of a run): its status, total, and nothing done yet. */
export async function enterPhase(db: EntityManager, id: string, status: 'VALIDATING' | 'IMPORTING', rowsTotal: number | null): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET status = $2, rows_total = $3, rows_done = 0, error_count = 0, errors = '[]', message = NULL, updated_at = now() WHERE id = $1`,
    [id, status, rowsTotal],
  );
}

export async function reportProgress(db: EntityManager, id: string, rowsDone: number, rowsTotal?: number): Promise<void> {
  await db.query(`UPDATE import_jobs SET rows_done = $2, rows_total = GREATEST(COALESCE($3, rows_total), $2), updated_at = now() WHERE id = $1`, [
    id,
    rowsDone,
    rowsTotal ?? null,
  ]);
}

export async function finishFailed(db: EntityManager, id: string, failure: { errors: RowError[]; errorCount: number; message?: string | null }): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET status = 'FAILED', errors = $2::jsonb, error_count = $3, message = $4, updated_at = now(), finished_at = now()
      WHERE id = $1 AND status IN ('VALIDATING', 'IMPORTING')`,
    [id, JSON.stringify(failure.errors), failure.errorCount, failure.message ?? null],
  );
}

/** DONE, with what was written (in the import's final transaction) or previewed (a dry run). */
export async function finishDone(db: EntityManager, id: string, rowsTotal: number, outcome: { result: ImportResult } | { preview: ImportPreview }): Promise<boolean> {
  const [{ n }]: { n: number }[] = await db.query(
    `WITH done AS (
       UPDATE import_jobs SET status = 'DONE', rows_total = $2, rows_done = $2, result = $3::jsonb, preview = $4::jsonb, updated_at = now(), finished_at = now()
        WHERE id = $1 AND status IN ('VALIDATING', 'IMPORTING')
        RETURNING 1
     )
     SELECT count(*)::int AS n FROM done`,
    [id, rowsTotal, 'result' in outcome ? JSON.stringify(outcome.result) : null, 'preview' in outcome ? JSON.stringify(outcome.preview) : null],
  );
  return n === 1;
}
