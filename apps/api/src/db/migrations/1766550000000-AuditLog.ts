import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (platform/audit, issue 21): every change by a user or an API client, every export
 * and every read of employee results. Append-only: no code path updates or deletes a row, and a
 * trigger refuses UPDATE and DELETE (TRUNCATE is left to a database owner). Rows keep no foreign
 * key, so they outlive the user, API client or object they name. Never an argument's value beyond
 * ids and enums (platform/audit/redact.ts).
 */
export class AuditLog1766550000000 implements MigrationInterface {
  name = 'AuditLog1766550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('USER', 'API_CLIENT', 'SYSTEM')),
        actor_id uuid NOT NULL,
        actor_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CHANGE', 'EXPORT', 'READ')),
        action text NOT NULL,
        object_type text,
        object_ids text[] NOT NULL DEFAULT '{}',
        args jsonb NOT NULL DEFAULT '{}',
        outcome text NOT NULL,
        ip text,
        user_agent text,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_log_org_id ON audit_log (organization_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_org_actor ON audit_log (organization_id, actor_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END
      $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
