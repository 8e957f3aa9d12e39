import type { EntityManager } from 'typeorm';

export type AuditKind = 'CHANGE' | 'EXPORT' | 'READ';

/** Who acted, from where, in which request: the same for every entry of one request. */
export interface AuditActor {
  organizationId: string;
  /** A user, an API client, or Tandem itself (scheduled work such as the retention of comments). */
  kind: 'user' | 'api' | 'system';
  id: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** One thing done: the operation, the objects it touched, its (redacted) arguments and its outcome. */
export interface AuditEntry {
  kind: AuditKind;
  action: string;
  objectType: string | null;
  objectIds: string[];
  args: Record<string, unknown>;
  /** OK, or the error code the caller got. */
  outcome: string;
}

/**
 * Appends entries to the audit log in one statement; the actor's name is read as it is now (a
 * user's or API client's, which the row keeps after they are renamed or deleted). This is the only
 * write to audit_log: there is no update or delete, and the table's trigger refuses both.
 */
export async function appendAudit(db: EntityManager, actor: AuditActor, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const table = actor.kind === 'api' ? 'api_clients' : 'users';
  const kind = actor.kind === 'user' ? 'USER' : actor.kind === 'api' ? 'API_CLIENT' : 'SYSTEM';
  await db.query(
    `INSERT INTO audit_log (organization_id, at, actor_kind, actor_id, actor_name, kind, action, object_type, object_ids, args, outcome, ip, user_agent, request_id)
     SELECT $1::uuid, $2::timestamptz, $3::text, $4::uuid, COALESCE((SELECT name FROM ${table} WHERE id = $4::uuid AND organization_id = $1::uuid), CASE WHEN $3::text = 'SYSTEM' THEN 'Tandem' ELSE '' END),
            e.kind, e.action, e.object_type, ARRAY(SELECT jsonb_array_elements_text(e.object_ids)), e.args, e.outcome, $6::text, $7::text, $8::text
       FROM jsonb_to_recordset($5::jsonb) AS e(kind text, action text, object_type text, object_ids jsonb, args jsonb, outcome text)`,
    [
      actor.organizationId,
      at,
      kind,
      actor.id,
      JSON.stringify(entries.map((e) => ({ kind: e.kind, action: e.action, object_type: e.objectType, object_ids: e.objectIds, args: e.args, outcome: e.outcome }))),
      actor.ip?.slice(0, 100) ?? null,
      actor.userAgent?.slice(0, 500) ?? null,
      actor.requestId,
    ],
  );
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  kind: AuditKind;
  action: string;
  object_type: string | null;
  object_ids: string[];
  args: Record<string, unknown>;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

export interface AuditSearch {
  organizationId: string;
  /** A user's or API client's id, or part of their name (case-insensitive). */
  actor?: string | null;
  /** An operation's name, or part of it (case-insensitive). */
  action?: string | null;
  kind?: AuditKind | null;
  from?: Date | null;
  to?: Date | null;
}

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entries newest first, after an id (keyset: each page costs the same), at most `limit`. */
export async function searchAudit(db: EntityManager, search: AuditSearch, limit: number, beforeId: string | null): Promise<AuditRow[]> {
  const where = ['organization_id = $1'];
  const params: unknown[] = [search.organizationId];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  const actor = search.actor?.trim();
  if (actor) {
    if (UUID.test(actor)) add((n) => `actor_id = ${n}::uuid`, actor);
    else add((n) => `actor_name ILIKE ${n}`, escapeLike(actor));
  }
  const action = search.action?.trim();
  if (action) add((n) => `action ILIKE ${n}`, escapeLike(action));
  if (search.kind) add((n) => `kind = ${n}`, search.kind);
  if (search.from) add((n) => `at >= ${n}`, search.from);
  if (search.to) add((n) => `at < ${n}`, search.to);
  if (beforeId) add((n) => `id < ${n}::bigint`, beforeId);
  params.push(limit);
  return db.query(
    `SELECT id::text AS id, at, actor_kind, actor_id, actor_name, kind, action, object_type, object_ids, args, outcome, ip, user_agent, request_id
       FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
}
