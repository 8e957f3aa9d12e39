import { access } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import { checkHeader, hasValue, headerErrors, rowError, tableOf, type CsvColumns, type CsvHeader, type CsvRow, type CsvTable } from '../csv/csv-file.js';
import { CsvSyntaxError, csvFileRows, estimateRows, inChunks } from '../csv/csv-stream.js';
import type { ImportPreview } from '../csv/import-preview.js';
import type { ImportResult, RowError } from '../csv/import-result.types.js';
import type { Job, JobContext, JobHandler } from '../jobs/types.js';
import { MAX_LISTED_ERRORS, type ImportKind } from './import-job.types.js';
import {
  IMPORT_QUEUE_OPTIONS,
  enterPhase,
  finishDone,
  finishFailed,
  loadImportJob,
  reportProgress,
  type ImportJobData,
  type ImportJobRow,
} from './import-jobs.js';
import { deleteUpload, uploadFile } from './uploads.js';

/**
 * The import job (issue 17). An import of an uploaded file stays what importContacts and
 * importEmployees are — every bad row named, nothing written when any row is bad — at a size one
 * request cannot carry (100,000 rows and more), with its progress visible:
 *
 * 1. VALIDATING: the file is read as it streams, 5,000 rows at a time, and every row is checked by
 *    the importer's own rules (the same as the mutation's). Nothing is written but the progress.
 *    Any bad row: FAILED, with every problem counted and the first 1,000 listed.
 * 2. IMPORTING: the file is read again and its rows are staged, one short transaction per chunk
 *    (the progress in the same transaction). On the embedded database each chunk holds the one
 *    connection for a moment only, so requests (this job's own polling included) go on meanwhile.
 * 3. One final transaction moves the staged rows into their table in one set-based statement and
 *    marks the job DONE: all or nothing, as the mutation. A crash anywhere before its commit
 *    leaves the table as it was; the job runs again from the start (it clears its staged rows).
 *
 * A dry run stops after 1 with a preview of what the import would do.
 */

export const CHUNK_ROWS = 5000;
/** Rows of one uploaded file: twice the 100,000 the tests import (docs/performance.md). */
export const MAX_JOB_ROWS = 200_000;

/** What the final transaction knows of the file besides its staged rows. */
export interface ImportFile {
  /** Header columns beyond the importer's own (the contacts' segments). */
  extras: string[];
  has(column: string): boolean;
}

/** One pass of an importer over one file; state (the emails seen so far) lives in it. */
export interface ImportPass {
  /** Every problem of a chunk: its rows of the wrong shape (chunk.errors) and of the others (duplicates across chunks included). */
  check(db: EntityManager, chunk: CsvTable): Promise<RowError[]>;
  /** After a check of the whole file without problems, for a dry run: what the import would do. */
  preview(db: EntityManager): Promise<ImportPreview>;
  /** Checks a chunk again, as check (the organization may have changed since), and stages its rows in `tx` when none has a problem. */
  stage(tx: EntityManager, chunk: CsvTable): Promise<RowError[]>;
  /** The final transaction: every staged row into its table; problems instead when the data changed meanwhile. */
  apply(tx: EntityManager, file: ImportFile): Promise<{ result: ImportResult } | { errors: RowError[] }>;
}

/** A module's import of CSV files (contacts, the employee roster), run by this job. */
export interface Importer {
  columns: CsvColumns;
  /** Names the rows in messages: "contacts", "employees". */
  noun: string;
  begin(job: { id: string; organizationId: string; dryRun: boolean; options: Record<string, unknown> }): ImportPass;
  /** Deletes the job's staged rows. */
  unstage(db: EntityManager, jobId: string): Promise<void>;
}

/** Problems counted in full, the first MAX_LISTED_ERRORS kept in line order. */
class Problems {
  readonly listed: RowError[] = [];
  count = 0;

  add(errors: RowError[]): void {
    this.count += errors.length;
    for (const error of [...errors].sort((a, b) => a.line - b.line)) {
      if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(error);
    }
  }

  get failure() {
    return { errors: [...this.listed].sort((a, b) => a.line - b.line), errorCount: this.count };
  }
}

const failureOf = (errors: RowError[]) => ({ errors: errors.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length });

/** A shutdown gives running jobs back to the queue (platform/jobs/worker.ts): not a failure of the import. */
const givenBack = (signal: AbortSignal) => signal.aborted && (signal.reason as Error | undefined)?.message === 'shutting down';

class ChangedMeanwhile extends Error {
  constructor(readonly errors: RowError[]) {
    super('The data changed while the file was imported');
  }
}

/** The data rows after the header, from an iterator the header was taken from. */
async function* rest(rows: AsyncIterator<CsvRow>): AsyncGenerator<CsvRow> {
  for (;;) {
    const next = await rows.next();
    if (next.done) return;
    yield next.value;
  }
}

type Checked = { rows: number; header: CsvHeader } | { failure: { errors: RowError[]; errorCount: number } };

/** Phase 1: every row checked, nothing written but the progress. */
async function checkFile(db: EntityManager, job: ImportJobRow, importer: Importer, pass: ImportPass, file: string, signal: AbortSignal): Promise<Checked> {
  const rows = csvFileRows(file);
  try {
    const first = await rows.next();
    if (first.done) return { failure: failureOf([rowError(1, null, 'The file is empty', 'FILE_EMPTY')]) };
    const header = checkHeader(first.value, importer.columns);
    const headerBad = header.errors.length > 0;
    const unnamedWithValues = new Set<number>();
    const problems = new Problems();
    let count = 0;
    for await (const chunk of inChunks(rest(rows), CHUNK_ROWS)) {
      signal.throwIfAborted();
      for (const row of chunk) for (const column of header.unnamed) if (hasValue(row, column)) unnamedWithValues.add(column);
      if (count + chunk.length > MAX_JOB_ROWS) {
        if (headerBad || unnamedWithValues.size > 0) break;
        const beyond = chunk[MAX_JOB_ROWS - count];
        const max = MAX_JOB_ROWS.toLocaleString('en');
        return {
          failure: failureOf([
            rowError(beyond.line, null, `The file has more than ${max} ${importer.noun}; at most ${max} per import`, 'FILE_TOO_MANY_ROWS', { max: MAX_JOB_ROWS }),
          ]),
        };
      }
      count += chunk.length;
      if (!headerBad) {
        const table = tableOf(header, chunk);
        problems.add(await pass.check(db, table));
      }
      await reportProgress(db, job.id, count);
    }
    const wrongHeader = headerErrors(header, (column) => unnamedWithValues.has(column));
    if (wrongHeader.length > 0) return { failure: failureOf(wrongHeader) };
    if (count === 0) {
      return { failure: failureOf([rowError(header.line + 1, null, `The file has a header row but no ${importer.noun}`, 'FILE_NO_ROWS')]) };
    }
    if (problems.count > 0) return { failure: problems.failure };
    return { rows: count, header };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { failure: failureOf([error.rowError]) };
    throw error;
  } finally {
    await rows.return(undefined);
  }
}

/** Phase 2: the rows staged, a chunk per transaction, with the progress; the problems of rows that changed meanwhile. */
async function stageFile(db: EntityManager, job: ImportJobRow, importer: Importer, pass: ImportPass, file: string, signal: AbortSignal) {
  const rows = csvFileRows(file);
  const problems = new Problems();
  try {
    const first = await rows.next();
    if (first.done) throw new Error('The uploaded file changed after it was checked');
    const header = checkHeader(first.value, importer.columns);
    let done = 0;
    for await (const chunk of inChunks(rest(rows), CHUNK_ROWS)) {
      signal.throwIfAborted();
      const table = tableOf(header, chunk);
      done += chunk.length;
      const changed = await db.transaction(async (tx) => {
        const errors = await pass.stage(tx, table);
        if (errors.length === 0) await reportProgress(tx, job.id, done);
        return errors;
      });
      problems.add(changed);
    }
  } finally {
    await rows.return(undefined);
  }
  return problems;
}

async function runImport(job: ImportJobRow, importer: Importer, ctx: JobContext): Promise<void> {
  const { db, logger, signal, app } = ctx;
  const log = logger.child({ importJobId: job.id, kind: job.kind, dryRun: job.dry_run });
  const file = job.upload_id ? uploadFile(app.config.dataDir, job.organization_id, job.upload_id) : null;
  const present = file !== null && (await access(file).then(() => true, () => false));
  const finished = async () => {
    await importer.unstage(db, job.id);
    if (!job.dry_run && job.upload_id) await deleteUpload(db, app.config.dataDir, job.organization_id, job.upload_id);
  };
  if (!present) {
    await finishFailed(db, job.id, { errors: [], errorCount: 0, message: 'The uploaded file is gone (it expired); upload it again' });
    await finished();
    return;
  }
  const startedAt = performance.now();
  const took = () => Math.round(performance.now() - startedAt);
  await importer.unstage(db, job.id);
  await enterPhase(db, job.id, 'VALIDATING', await estimateRows(file));
  const run = { id: job.id, organizationId: job.organization_id, dryRun: job.dry_run, options: job.options };

  const checking = importer.begin(run);
  const checked = await checkFile(db, job, importer, checking, file, signal);
  if ('failure' in checked) {
    await finishFailed(db, job.id, checked.failure);
    await finished();
    log.info({ event: 'import.refused', errorCount: checked.failure.errorCount, durationMs: took() }, 'import refused: the file has problems; nothing was imported');
    return;
  }
  log.info({ event: 'import.validated', rows: checked.rows, durationMs: took() }, 'import file checked');
  if (job.dry_run) {
    await finishDone(db, job.id, checked.rows, { preview: await checking.preview(db) });
    log.info({ event: 'import.previewed', rows: checked.rows, durationMs: took() }, 'import previewed');
    return;
  }

  await enterPhase(db, job.id, 'IMPORTING', checked.rows);
  const pass = importer.begin(run);
  const changed = await stageFile(db, job, importer, pass, file, signal);
  if (changed.count > 0) {
    await finishFailed(db, job.id, changed.failure);
    await finished();
    log.info({ event: 'import.refused', errorCount: changed.count, durationMs: took() }, 'import refused: rows changed since they were checked');
    return;
  }
  const staged = took();
  signal.throwIfAborted();
  const has = (column: string) => checked.header.index.has(column);
  try {
    const result = await db.transaction(async (tx) => {
      const applied = await pass.apply(tx, { extras: checked.header.extras, has });
      if ('errors' in applied) throw new ChangedMeanwhile(applied.errors);
      if (!(await finishDone(tx, job.id, checked.rows, { result: applied.result }))) throw new Error('The import job was finished meanwhile by another run');
      return applied.result;
    });
    log.info(
      { event: 'import.done', rows: checked.rows, created: result.created, updated: result.updated, deactivated: result.deactivated, stagedMs: staged, durationMs: took() },
      'import done',
    );
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) throw error;
    await finishFailed(db, job.id, failureOf(error.errors));
    log.info({ event: 'import.refused', errorCount: error.errors.length, durationMs: took() }, 'import refused: the data changed before the final write');
  }
  await finished();
}

/**
 * The job handler of IMPORT_QUEUE, given every module's importer by the wiring (jobs.ts).
 * Idempotent: a job already DONE or FAILED is left as it is, and any other run starts over.
 */
export function importJobHandler(importers: Record<ImportKind, Importer>): JobHandler<ImportJobData> {
  return async (job: Job<ImportJobData>, ctx: JobContext) => {
    const row = await loadImportJob(ctx.db, job.data.importJobId);
    if (!row || row.status === 'DONE' || row.status === 'FAILED') return;
    const importer = importers[row.kind];
    try {
      await runImport(row, importer, ctx);
    } catch (error) {
      const last = job.attempt > (IMPORT_QUEUE_OPTIONS.retryLimit ?? 0);
      if (last && !givenBack(ctx.signal)) {
        await importer.unstage(ctx.db, row.id).catch(() => undefined);
        await finishFailed(ctx.db, row.id, { errors: [], errorCount: 0, message: 'The import failed unexpectedly; nothing was imported. Please try again.' });
      }
      throw error;
    }
  };
}
