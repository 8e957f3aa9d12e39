import type { RequestHandler } from 'express';
import type { Database } from '../db/data-source.js';
import { buildContext, type AppServices } from '../kernel/context.js';
import { DomainError } from '../kernel/errors.js';
import { createLoaders } from '../graphql/loaders.js';
import { teamPack } from '../reporting/team-packs/team-pack.service.js';
import { packPdf } from '../reporting/team-packs/team-pack-pdf.js';
import { authenticate } from './authenticate.js';
import { appendAudit } from '../platform/audit/audit.store.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, INVALID_STATE: 409, CONFLICT: 409 };

/**
 * GET /team-packs/<waveId>/<orgUnitId>.pdf: a team's discussion pack as a printable PDF (issue 20),
 * for whoever may read the pack (bearer token, the same rules as the teamPack query), in the
 * caller's language unless ?lang= names another. Errors answer as GraphQL errors do. A pack of an
 * employee wave is a read of employee results: the audit log records it (teamPackPdf), as the
 * GraphQL plugin records the teamPack query.
 */
export function teamPackPdfRoute(services: AppServices, db: Database): RequestHandler {
  return async (req, res) => {
    const fail = (status: number, code: string, message: string, field?: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });
    const caller = await authenticate(req, services.config, db.dataSource.manager, services.now());
    if (!caller.principal) return void fail(401, 'UNAUTHENTICATED', 'Send a bearer token');
    if (caller.principal.kind !== 'user') return void fail(403, 'FORBIDDEN', 'Team packs are for users');
    const ctx = buildContext({ requestId: String(req.id), logger: req.log, app: services, db: db.dataSource.manager, createLoaders, ...caller });
    const orgUnitId = String(req.params.file).replace(/\.pdf$/i, '');
    const lang = typeof req.query.lang === 'string' ? req.query.lang : null;
    try {
      const pack = await teamPack(ctx, String(req.params.waveId), orgUnitId, lang);
      const pdf = await packPdf(pack);
      const name = `team-pack-${pack.orgUnitName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'team'}-${pack.closedAt?.toISOString().slice(0, 10) ?? 'wave'}.pdf`;
      res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length), 'Content-Disposition': `attachment; filename="${name}"`, 'Content-Language': pack.language, 'Cache-Control': 'no-store' });
      req.log.info({ event: 'team_pack.downloaded', waveId: pack.waveId, orgUnitId: pack.orgUnitId, folded: pack.folded }, 'team pack downloaded');
      if (ctx.employeeReads?.size) {
        const principal = caller.principal;
        const actor = { organizationId: principal.organizationId, kind: principal.kind, id: principal.id, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null, requestId: String(req.id) };
        await appendAudit(db.dataSource.manager, actor, services.now(), [
          { kind: 'READ', action: 'teamPackPdf', objectType: 'EmployeeResults', objectIds: [...ctx.employeeReads].slice(0, 100), args: { waveId: pack.waveId, orgUnitId: pack.orgUnitId }, outcome: 'OK' },
        ]);
      }
      res.end(pdf);
    } catch (error) {
      if (error instanceof DomainError) return void fail(STATUS[error.code] ?? 400, error.code, error.message, error.field);
      req.log.error({ err: error }, 'team pack PDF failed');
      fail(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error');
    }
  };
}
