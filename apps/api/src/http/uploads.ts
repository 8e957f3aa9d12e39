import type { Request, RequestHandler, Response } from 'express';
import type { Database } from '../db/data-source.js';
import { checkRules } from '../graphql/auth-checker.js';
import type { AppServices } from '../kernel/context.js';
import { DomainError } from '../kernel/errors.js';
import { IMPORTERS } from '../kernel/policies.js';
import { MAX_UPLOAD_BYTES, UploadRefused, receiveUpload } from '../platform/imports/uploads.js';
import { authenticate } from './authenticate.js';

/**
 * POST /uploads: an import file too large for a GraphQL request (issue 17), streamed to disk.
 *
 *   curl -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
 *        -H 'X-File-Name: contacts.csv' --data-binary @contacts.csv http://localhost:4000/uploads
 *
 * Answers 201 `{ id, byteSize, fileName, expiresAt }`; the id goes to startContactImport or
 * startRosterImport. Refusals answer as GraphQL errors do, `{ errors: [{ message, extensions:
 * { code, field, reason, params } }] }`: 401 UNAUTHENTICATED, 403 FORBIDDEN (who may import
 * anything: kernel/policies.ts IMPORTERS), 413 UPLOAD_TOO_LARGE (over 50 MB), 415 UPLOAD_NOT_CSV
 * (another Content-Type than text/csv) or UPLOAD_NOT_UTF8 (binary or not UTF-8), 400 UPLOAD_EMPTY;
 * the code of those four is BAD_USER_INPUT on the field `file`. Nothing is kept of a refused upload.
 */

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * Answers before the body was read: the rest is read and dropped (up to a bound), so the client
 * gets the answer rather than a reset connection; then the connection closes.
 */
function refuse(req: Request, res: Response, status: number, error: { message: string; extensions: Record<string, unknown> }): void {
  res.status(status).set('Connection', 'close').json({ errors: [error] });
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 2 * MAX_UPLOAD_BYTES) req.destroy();
  });
  req.resume();
}

function fileNameOf(req: Request): string | null {
  const raw = req.header('x-file-name');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).replace(/[\r\n]/g, ' ').trim() || null;
  } catch {
    return raw;
  }
}

export function uploadRoute(services: AppServices, db: Database): RequestHandler {
  return async (req, res) => {
    const now = services.now();
    const { principal, authError } = await authenticate(req, services.config, db.dataSource.manager, now);
    try {
      checkRules(principal, authError, IMPORTERS);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refuse(req, res, STATUS[error.code] ?? 401, { message: error.message, extensions: { code: error.code } });
    }
    const length = req.header('content-length');
    try {
      const upload = await receiveUpload(
        db.dataSource.manager,
        services.config.dataDir,
        { organizationId: principal!.organizationId, kind: principal!.kind, id: principal!.id },
        req,
        { contentType: req.header('content-type'), contentLength: length && /^\d+$/.test(length) ? Number(length) : null, fileName: fileNameOf(req), now },
      );
      req.log.info({ event: 'upload.received', uploadId: upload.id, bytes: upload.byteSize }, 'upload received');
      res.status(201).json({ id: upload.id, byteSize: upload.byteSize, fileName: upload.fileName, expiresAt: upload.expiresAt.toISOString() });
    } catch (error) {
      if (!(error instanceof UploadRefused)) {
        req.log.error({ err: error }, 'upload failed');
        if (!res.headersSent) refuse(req, res, 500, { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
        return;
      }
      req.log.info({ event: 'upload.refused', reason: error.reason }, 'upload refused');
      refuse(req, res, error.status, {
        message: error.message,
        extensions: { code: 'BAD_USER_INPUT', field: 'file', reason: error.reason, params: error.params },
      });
    }
  };
}
