import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RequestHandler } from 'express';
import type { Database } from '../db/data-source.js';
import type { AppServices } from '../kernel/context.js';
import { exportFile, findOwnExport } from '../survey/exports/export.service.js';
import { authenticate } from './authenticate.js';
import { appendAudit } from '../platform/audit/audit.store.js';

const TYPES = { CSV: 'text/csv; charset=utf-8', NDJSON: 'application/x-ndjson; charset=utf-8' } as const;

/**
 * GET /exports/<id>: an export's file (survey/exports), streamed from disk, to the user or API
 * client that started it (bearer token), once DONE. Errors answer as GraphQL errors do: 401
 * UNAUTHENTICATED, 404 NOT_FOUND (unknown, anyone else's, or expired), 409 INVALID_STATE (not
 * written yet, or failed: exportJob(id) says which).
 */
export function exportRoute(services: AppServices, db: Database): RequestHandler {
  return async (req, res) => {
    const fail = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });
    const { principal } = await authenticate(req, services.config, db.dataSource.manager, services.now());
    if (!principal) return void fail(401, 'UNAUTHENTICATED', 'Send the bearer token that started the export');
    const row = await findOwnExport(db.dataSource.manager, { organizationId: principal.organizationId, kind: principal.kind, id: principal.id }, String(req.params.id));
    if (!row || row.status === 'EXPIRED') return void fail(404, 'NOT_FOUND', 'No such export (it may have expired)');
    if (row.status !== 'DONE') return void fail(409, 'INVALID_STATE', `The export is ${row.status}`);
    const file = exportFile(services.config.dataDir, row);
    const size = await stat(file).then((s) => s.size, () => null);
    if (size === null) return void fail(404, 'NOT_FOUND', 'No such export (it may have expired)');
    const name = `${row.kind.toLowerCase().replace('_', '-')}-${row.created_at.toISOString().slice(0, 10)}.${row.format === 'CSV' ? 'csv' : 'ndjson'}`;
    res.status(200).set({ 'Content-Type': TYPES[row.format], 'Content-Length': String(size), 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
    req.log.info({ event: 'export.downloaded', exportId: row.id, rows: row.rows }, 'export downloaded');
    const actor = { organizationId: principal.organizationId, kind: principal.kind, id: principal.id, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null, requestId: req.id };
    await appendAudit(db.dataSource.manager, actor, services.now(), [
      { kind: 'EXPORT', action: 'downloadExport', objectType: 'Export', objectIds: [row.id], args: { id: row.id, kind: row.kind, format: row.format }, outcome: 'OK' },
    ]);
    createReadStream(file).on('error', (error) => (req.log.error({ err: error }, 'export stream failed'), res.destroy())).pipe(res);
  };
}
