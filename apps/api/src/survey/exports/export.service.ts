import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { IDENTIFIED_READERS } from '../../kernel/policies.js';
import { ownScopeOf } from '../../kernel/scope.js';
import { enqueue } from '../../platform/jobs/queue.js';
import type { Job, JobContext, JobData } from '../../platform/jobs/types.js';
import { followUpsQuery } from '../follow-ups/follow-up.service.js';
import type { FollowUpFilter } from '../follow-ups/follow-up.types.js';
import { responsesQuery } from '../responses/response.service.js';
import type { ResponseFilter } from '../responses/response.types.js';
import { EXPORT_COLUMNS, exportRows, type ExportKind } from './export-rows.js';

/**
 * Exports (issue 18): a whole history as one file instead of 100-row pages. exportResponses and
 * exportFollowUps check the filter as the lists do, write an `exports` row and send a job in one
 * transaction, and answer its id; the job walks the selected rows oldest first by keyset, a chunk
 * at a time, and writes CSV or NDJSON to DATA_DIR/exports/<organization>/<id>, so memory stays the
 * same whatever the size; GET /exports/<id> streams the file to whoever asked for it (the same user
 * or API client), until it expires. Identified responses only: employee answers are never rows of
 * `responses` (their numbers are the anonymity module's, and are not exported here).
 */

export const EXPORT_QUEUE = 'exports.write';
export const EXPORT_EXPIRY_QUEUE = 'exports.expire';
export const EXPORT_TTL_HOURS = 24;
const CHUNK = 2000;
const FORMATS = ['CSV', 'NDJSON'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export interface ExportJobData extends JobData {
  organizationId: string;
  exportId: string;
}

export interface ExportRow {
  id: string;
  organization_id: string;
  owner_kind: 'user' | 'api';
  owner_id: string;
  own_scope: string | null;
  kind: ExportKind;
  format: ExportFormat;
  filter: Record<string, unknown>;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'EXPIRED';
  rows: number | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
}

export const exportFile = (dataDir: string, row: Pick<ExportRow, 'organization_id' | 'id'>) => path.join(dataDir, 'exports', row.organization_id, row.id);

function formatOf(format: string | null | undefined): ExportFormat {
  const f = (format ?? 'CSV').toUpperCase();
  if (!(FORMATS as readonly string[]).includes(f)) throw badInput('format', 'CSV or NDJSON');
  return f as ExportFormat;
}

/** Starts an export of the responses or follow-ups a filter selects; the filter is checked now, as the list checks it. */
export async function startExport(ctx: Context, kind: ExportKind, filter: ResponseFilter | FollowUpFilter | null | undefined, format: string | null | undefined): Promise<ExportRow> {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  const own = ownScopeOf(ctx, IDENTIFIED_READERS);
  const f = formatOf(format);
  queryOf(ctx.db, kind, organizationId, own, { ...filter }, ctx.app.now());
  return ctx.db.transaction(async (tx) => {
    const [row]: ExportRow[] = await tx.query(
      `INSERT INTO exports (organization_id, owner_kind, owner_id, own_scope, kind, format, filter)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING *`,
      [organizationId, principal.kind, principal.id, own, kind, f, JSON.stringify(filter ?? {})],
    );
    await enqueue<ExportJobData>(tx, EXPORT_QUEUE, { organizationId, exportId: row.id });
    return row;
  });
}

/** One export of the caller's own (the user or API client that asked); NOT_FOUND otherwise. */
export async function getExport(ctx: Context, id: string): Promise<ExportRow> {
  const principal = ctx.principal!;
  const row = await findOwnExport(ctx.db, { organizationId: orgOf(ctx), kind: principal.kind, id: principal.id }, id);
  if (!row) throw notFound('Export', 'id');
  return row;
}

export async function findOwnExport(db: EntityManager, owner: { organizationId: string; kind: 'user' | 'api'; id: string }, id: string): Promise<ExportRow | null> {
  if (!isUuid(id)) return null;
  const [row]: ExportRow[] = await db.query(`SELECT * FROM exports WHERE id = $1 AND organization_id = $2 AND owner_kind = $3 AND owner_id = $4`, [
    id,
    owner.organizationId,
    owner.kind,
    owner.id,
  ]);
  return row ?? null;
}

/** The dates of a stored filter back as dates. */
function revive(filter: Record<string, unknown>): Record<string, unknown> {
  const out = { ...filter };
  for (const key of ['from', 'to', 'updatedSince']) if (typeof out[key] === 'string') out[key] = new Date(out[key] as string);
  return out;
}

function queryOf(db: EntityManager, kind: ExportKind, organizationId: string, own: string | null, filter: Record<string, unknown>, now: Date) {
  return kind === 'RESPONSES'
    ? { qb: responsesQuery(db, organizationId, own, filter as ResponseFilter), alias: 'r', time: 'submitted_at' }
    : { qb: followUpsQuery(db, organizationId, own, filter as FollowUpFilter, now), alias: 'f', time: 'created_at' };
}

/** The `exports.write` job: the file, a chunk of rows at a time, then DONE with its row count (and its expiry scheduled). */
export async function writeExport(job: Job<ExportJobData>, ctx: JobContext): Promise<void> {
  const { db, app } = ctx;
  const [row]: ExportRow[] = await db.query(`SELECT * FROM exports WHERE id = $1 AND organization_id = $2`, [job.data.exportId, job.data.organizationId]);
  if (!row || row.status === 'DONE' || row.status === 'EXPIRED') return;
  await db.query(`UPDATE exports SET status = 'RUNNING' WHERE id = $1`, [row.id]);
  const file = exportFile(app.config.dataDir, row);
  await mkdir(path.dirname(file), { recursive: true });
  const part = `${file}.part`;
  const out = createWriteStream(part, { mode: 0o600 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let rows = 0;
  try {
    if (row.format === 'CSV') await write(`${EXPORT_COLUMNS[row.kind].join(',')}\n`);
    const { qb, alias, time } = queryOf(db, row.kind, row.organization_id, row.own_scope, revive(row.filter), app.now());
    let after: { time: string; id: string } | null = null;
    for (;;) {
      if (ctx.signal.aborted) throw new Error('The export was stopped; it starts again');
      const page = qb.clone().select(`${alias}.id`, 'id').addSelect(`to_char(${alias}.${time} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 't');
      // Past the last row; the time alone bounds an index range scan (an index on time DESC, id serves it backwards).
      if (after) {
        page.andWhere(`${alias}.${time} >= CAST(:afterTime AS timestamptz) AND (${alias}.${time} > CAST(:afterTime AS timestamptz) OR ${alias}.id > :afterId)`, {
          afterTime: after.time,
          afterId: after.id,
        });
      }
      const ids: { id: string; t: string }[] = await page.orderBy(`${alias}.${time}`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(CHUNK).getRawMany();
      if (ids.length === 0) break;
      for (const line of await exportRows(db, row.kind, row.format, row.organization_id, ids.map((i) => i.id))) await write(line);
      rows += ids.length;
      after = { time: ids[ids.length - 1].t, id: ids[ids.length - 1].id };
      if (ids.length < CHUNK) break;
    }
    out.end();
    await once(out, 'finish');
    await rename(part, file);
  } catch (error) {
    out.destroy();
    await rm(part, { force: true });
    if (job.attempt > 3) await db.query(`UPDATE exports SET status = 'FAILED', error = $2, finished_at = $3 WHERE id = $1`, [row.id, String((error as Error)?.message ?? error).slice(0, 300), app.now()]);
    throw error;
  }
  const expiresAt = new Date(app.now().getTime() + EXPORT_TTL_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE exports SET status = 'DONE', rows = $2, finished_at = $3, expires_at = $4 WHERE id = $1`, [row.id, rows, app.now(), expiresAt]);
    await enqueue<ExportJobData>(tx, EXPORT_EXPIRY_QUEUE, { organizationId: row.organization_id, exportId: row.id }, { startAfter: expiresAt });
  });
  ctx.logger.info({ event: 'export.written', exportId: row.id, kind: row.kind, format: row.format, rows }, 'export written');
}

/** The `exports.expire` job: the file goes, the row says EXPIRED. */
export async function expireExport(job: Job<ExportJobData>, ctx: JobContext): Promise<void> {
  const [row]: ExportRow[] = await ctx.db.query(`SELECT * FROM exports WHERE id = $1 AND organization_id = $2`, [job.data.exportId, job.data.organizationId]);
  if (!row) return;
  await rm(exportFile(ctx.app.config.dataDir, row), { force: true });
  await ctx.db.query(`UPDATE exports SET status = 'EXPIRED' WHERE id = $1`, [row.id]);
}
