import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Large imports as jobs (issue 17). An upload is a CSV file streamed to disk under DATA_DIR
 * (POST /uploads), owned by the organization and the user or API client that sent it, until it
 * expires. An import job reads one: it checks every row first and, only when none is bad, stages
 * the rows in chunks (the *_import_rows tables, one per importing module) and moves them into
 * contacts or employees in one final transaction, so an import is still all or nothing. The job's
 * row holds its progress, its row errors (the first ones, and their count) and its outcome.
 *
 * The staging tables are UNLOGGED: their rows are only ever a copy of a file still on disk, a job
 * clears its own rows before it starts, and a crash that empties them only makes the job (which
 * runs again) stage them again. They have no foreign keys, so staging costs one insert per row.
 */
export class ImportJobs1765900000000 implements MigrationInterface {
  name = 'ImportJobs1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        owner_kind text NOT NULL CHECK (owner_kind IN ('user', 'api')),
        owner_id uuid NOT NULL,
        file_name text,
        byte_size bigint NOT NULL CHECK (byte_size >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        imported_at timestamptz
      )`);
    await q.query(`CREATE INDEX uploads_expiry_idx ON uploads (expires_at)`);
    await q.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        owner_kind text NOT NULL CHECK (owner_kind IN ('user', 'api')),
        owner_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CONTACTS', 'ROSTER')),
        dry_run boolean NOT NULL,
        upload_id uuid REFERENCES uploads(id) ON DELETE SET NULL,
        options jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'VALIDATING' CHECK (status IN ('VALIDATING', 'IMPORTING', 'DONE', 'FAILED')),
        rows_total int,
        rows_done int NOT NULL DEFAULT 0,
        error_count int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        result jsonb,
        preview jsonb,
        message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_jobs_org_idx ON import_jobs (organization_id, created_at DESC)`);
    await q.query(`
      CREATE UNLOGGED TABLE contact_import_rows (
        job_id uuid NOT NULL,
        line int NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        language text NOT NULL,
        owner_id uuid,
        org_unit_id uuid,
        segments jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX contact_import_rows_job_idx ON contact_import_rows (job_id)`);
    await q.query(`
      CREATE UNLOGGED TABLE roster_import_rows (
        job_id uuid NOT NULL,
        line int NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        language text NOT NULL,
        org_unit_id uuid,
        location text,
        tenure_band text
      )`);
    await q.query(`CREATE INDEX roster_import_rows_job_idx ON roster_import_rows (job_id, email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roster_import_rows`);
    await q.query(`DROP TABLE contact_import_rows`);
    await q.query(`DROP TABLE import_jobs`);
    await q.query(`DROP TABLE uploads`);
  }
}
