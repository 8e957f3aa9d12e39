import { stringify } from 'csv-stringify/sync';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { searchAudit, type AuditRow } from './audit.store.js';
import type { AuditEntryType, AuditLogFilter, AuditLogPage } from './audit.types.js';

const MAX_PAGE = 200;
/** The most rows one CSV holds; narrow the filter (from, to) for more. */
export const MAX_CSV_ROWS = 50_000;

function checkFilter(filter: AuditLogFilter | null | undefined): AuditLogFilter {
  const f = filter ?? {};
  if ((f.actor ?? '').length > 100) throw badInput('filter.actor', 'Search for at most 100 characters');
  if ((f.action ?? '').length > 100) throw badInput('filter.action', 'Search for at most 100 characters');
  if (f.from && f.to && f.from > f.to) throw badInput('filter.to', 'to must not be before from');
  return f;
}

const toEntry = (r: AuditRow): AuditEntryType => ({
  id: r.id,
  at: r.at,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  actorName: r.actor_name,
  kind: r.kind,
  action: r.action,
  objectType: r.object_type,
  objectIds: r.object_ids,
  args: JSON.stringify(r.args),
  outcome: r.outcome,
  ip: r.ip,
  userAgent: r.user_agent,
  requestId: r.request_id,
});

/** One page of the organization's audit log, newest first. */
export async function auditLog(ctx: Context, filter: AuditLogFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<AuditLogPage> {
  const f = checkFilter(filter);
  const limit = first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}`);
  if (after && !/^\d{1,19}$/.test(after)) throw badInput('after', 'The cursor is not valid; pass an endCursor from an earlier page');
  const rows = await searchAudit(ctx.db, { organizationId: orgOf(ctx), ...f }, limit + 1, after ?? null);
  const page = rows.slice(0, limit);
  return { entries: page.map(toEntry), endCursor: rows.length > limit ? page.at(-1)!.id : null };
}

const COLUMNS = ['at', 'actor_kind', 'actor_id', 'actor_name', 'kind', 'action', 'object_type', 'object_ids', 'args', 'outcome', 'ip', 'user_agent', 'request_id'] as const;

/** The audit log a filter selects as CSV (newest first, at most MAX_CSV_ROWS rows); cells that start like a formula are quoted with a leading '. */
export async function auditLogCsv(ctx: Context, filter: AuditLogFilter | null | undefined): Promise<string> {
  const f = checkFilter(filter);
  const rows = await searchAudit(ctx.db, { organizationId: orgOf(ctx), ...f }, MAX_CSV_ROWS, null);
  const cell = (value: unknown): string => {
    const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(' ') : value && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '');
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  return stringify([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => cell(r[c])))]);
}
