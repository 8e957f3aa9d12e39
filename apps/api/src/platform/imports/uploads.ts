import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../kernel/batch.js';
import { enqueue } from '../jobs/queue.js';
import type { JobData } from '../jobs/types.js';

/**
 * Uploaded import files (issue 17): CSV streamed to disk under DATA_DIR/uploads/<organization>/,
 * one row in `uploads` each. An upload belongs to its organization and to the user or API client
 * that sent it: anyone else's id is a miss, like an unknown one. It expires after UPLOAD_TTL_HOURS
 * (a job scheduled at its expiry deletes it); a real import deletes its file when it ends.
 *
 * Separate worker processes (PostgreSQL) read the files the API process wrote: they share DATA_DIR.
 */

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const UPLOAD_TTL_HOURS = 24;
export const UPLOAD_EXPIRY_QUEUE = 'imports.upload-expiry';

/** Who sent an upload or started an import: a user or an API client, of one organization. */
export interface Owner {
  organizationId: string;
  kind: 'user' | 'api';
  id: string;
}

export interface Upload {
  id: string;
  organizationId: string;
  fileName: string | null;
  byteSize: number;
  createdAt: Date;
  expiresAt: Date;
  importedAt: Date | null;
}

interface UploadRow {
  id: string;
  organization_id: string;
  file_name: string | null;
  byte_size: string;
  created_at: Date;
  expires_at: Date;
  imported_at: Date | null;
}

const toUpload = (r: UploadRow): Upload => ({
  id: r.id,
  organizationId: r.organization_id,
  fileName: r.file_name,
  byteSize: Number(r.byte_size),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  importedAt: r.imported_at,
});

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');
export const uploadFile = (dataDir: string, organizationId: string, id: string) => path.join(uploadsDir(dataDir), organizationId, `${id}.csv`);

/** Why an upload was refused, as the HTTP answer says it: status, code, and a reason a client can word. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly reason: 'UPLOAD_TOO_LARGE' | 'UPLOAD_NOT_CSV' | 'UPLOAD_NOT_UTF8' | 'UPLOAD_EMPTY',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

const tooLarge = () =>
  new UploadRefused(413, 'UPLOAD_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it into smaller files`, {
    max: MAX_UPLOAD_BYTES,
  });

/** Only CSV: `text/csv`, in UTF-8 when a charset is named. */
export function checkContentType(contentType: string | undefined): void {
  const [type, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (type !== 'text/csv' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new UploadRefused(415, 'UPLOAD_NOT_CSV', 'Only CSV files can be uploaded (Content-Type: text/csv, UTF-8); save a spreadsheet as CSV first', {
      contentType: contentType ?? '',
    });
  }
}

/**
 * Counts the bytes going through, refusing more than the limit, and checks that they are text:
 * UTF-8 without NUL bytes (a spreadsheet saved as .xlsx, a zip or an image is not).
 */
function textCheck(): Transform {
  let bytes = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notText = () => new UploadRefused(415, 'UPLOAD_NOT_UTF8', 'The file is not CSV text in UTF-8; save it as "CSV UTF-8" and upload it again');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) return done(tooLarge());
      if (chunk.includes(0)) return done(notText());
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(notText());
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
      } catch {
        return done(notText());
      }
      done();
    },
  });
}

/**
 * Writes the body to the file through the checks. On a refusal the body is left unread but not
 * destroyed: the HTTP layer still answers on its connection (and drains or closes it).
 */
function writeChecked(body: Readable, file: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = textCheck();
    const out = createWriteStream(file);
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      body.unpipe(check);
      check.destroy();
      out.destroy();
      reject(error);
    };
    check.on('error', fail);
    out.on('error', fail);
    body.on('error', fail);
    body.on('aborted', () => fail(new Error('the upload was aborted')));
    out.on('finish', () => !failed && resolve());
    body.pipe(check).pipe(out);
  });
}

export interface UploadExpiryJob extends JobData {
  organizationId: string;
  uploadId: string;
}

/**
 * Streams a request body to an upload file and records it. Refused (UploadRefused, nothing kept):
 * another content type than CSV, more than MAX_UPLOAD_BYTES (by Content-Length before a byte is
 * read, or while reading), bytes that are not UTF-8 text, an empty body.
 */
export async function receiveUpload(
  db: EntityManager,
  dataDir: string,
  owner: Owner,
  body: Readable,
  meta: { contentType: string | undefined; contentLength: number | null; fileName: string | null; now: Date },
): Promise<Upload> {
  checkContentType(meta.contentType);
  if (meta.contentLength !== null && meta.contentLength > MAX_UPLOAD_BYTES) throw tooLarge();
  const id = randomUUID();
  const file = uploadFile(dataDir, owner.organizationId, id);
  const part = `${file}.part`;
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeChecked(body, part);
    const { size } = await stat(part);
    if (size === 0) throw new UploadRefused(400, 'UPLOAD_EMPTY', 'The file is empty');
    await rename(part, file);
    const expiresAt = new Date(meta.now.getTime() + UPLOAD_TTL_HOURS * 3600_000);
    const fileName = meta.fileName ? meta.fileName.slice(0, 255) : null;
    return await db.transaction(async (tx) => {
      const [row]: UploadRow[] = await tx.query(
        `INSERT INTO uploads (id, organization_id, owner_kind, owner_id, file_name, byte_size, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, organization_id, file_name, byte_size, created_at, expires_at, imported_at`,
        [id, owner.organizationId, owner.kind, owner.id, fileName, size, meta.now, expiresAt],
      );
      await enqueue<UploadExpiryJob>(tx, UPLOAD_EXPIRY_QUEUE, { organizationId: owner.organizationId, uploadId: id }, { startAfter: expiresAt });
      return toUpload(row);
    });
  } catch (error) {
    await rm(part, { force: true });
    await rm(file, { force: true });
    throw error;
  }
}

/** An upload of this owner, locked for the caller's transaction; null for an unknown, expired or anyone else's id. */
export async function findUpload(tx: EntityManager, owner: Owner, id: string, now: Date): Promise<Upload | null> {
  if (!isUuid(id)) return null;
  const [row]: UploadRow[] = await tx.query(
    `SELECT id, organization_id, file_name, byte_size, created_at, expires_at, imported_at FROM uploads
      WHERE id = $1 AND organization_id = $2 AND owner_kind = $3 AND owner_id = $4 AND expires_at > $5
      FOR UPDATE`,
    [id, owner.organizationId, owner.kind, owner.id, now],
  );
  return row ? toUpload(row) : null;
}

/** A real import took the upload: no second one may. */
export async function markImported(tx: EntityManager, id: string, now: Date): Promise<void> {
  await tx.query(`UPDATE uploads SET imported_at = $2 WHERE id = $1`, [id, now]);
}

/** Deletes an upload's file and row. Idempotent. */
export async function deleteUpload(db: EntityManager, dataDir: string, organizationId: string, id: string): Promise<void> {
  await rm(uploadFile(dataDir, organizationId, id), { force: true });
  await db.query(`DELETE FROM uploads WHERE id = $1`, [id]);
}

/**
 * The expiry job of an upload: deletes it once it has expired, unless an import of it is still
 * running (then it looks again in an hour).
 */
export async function expireUpload(db: EntityManager, dataDir: string, job: UploadExpiryJob, now: Date, again: (at: Date) => Promise<unknown>): Promise<void> {
  const [row]: { expires_at: Date; running: boolean }[] = await db.query(
    `SELECT u.expires_at,
            EXISTS (SELECT 1 FROM import_jobs j WHERE j.upload_id = u.id AND j.status IN ('VALIDATING', 'IMPORTING')) AS running
       FROM uploads u WHERE u.id = $1`,
    [job.uploadId],
  );
  if (!row) return;
  if (row.expires_at > now) return void (await again(row.expires_at));
  if (row.running) return void (await again(new Date(now.getTime() + 3600_000)));
  await deleteUpload(db, dataDir, job.organizationId, job.uploadId);
}

/**
 * At start: deletes expired uploads that no running import reads (their expiry job may have been
 * lost with a crashed process's data directory), and files an hour old that no upload row names
 * (a process killed between writing a file and recording it).
 */
export async function sweepUploads(db: EntityManager, dataDir: string, now: Date): Promise<{ expired: number; orphans: number }> {
  const expired: { id: string; organization_id: string }[] = await db.query(
    `SELECT u.id, u.organization_id FROM uploads u
      WHERE u.expires_at <= $1
        AND NOT EXISTS (SELECT 1 FROM import_jobs j WHERE j.upload_id = u.id AND j.status IN ('VALIDATING', 'IMPORTING'))`,
    [now],
  );
  for (const u of expired) await deleteUpload(db, dataDir, u.organization_id, u.id);
  let orphans = 0;
  const root = uploadsDir(dataDir);
  const organizations = await readdir(root).catch(() => [] as string[]);
  for (const organization of organizations) {
    const names = await readdir(path.join(root, organization)).catch(() => [] as string[]);
    const ids = names.map((name) => name.replace(/\.csv(\.part)?$/, '')).filter(isUuid);
    if (ids.length === 0) continue;
    const known = new Set(((await db.query(`SELECT id::text FROM uploads WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[]).map((r) => r.id));
    for (const name of names) {
      const id = name.replace(/\.csv(\.part)?$/, '');
      const file = path.join(root, organization, name);
      if (!isUuid(id) || known.has(id)) continue;
      const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: now.getTime() }));
      if (now.getTime() - mtimeMs < 3600_000) continue;
      await rm(file, { force: true });
      orphans++;
    }
  }
  return { expired: expired.length, orphans };
}
