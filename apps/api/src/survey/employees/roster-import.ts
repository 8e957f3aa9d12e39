import type { EntityManager } from 'typeorm';
import { orgOf, type Context } from '../../kernel/context.js';
import { firstLines } from '../../platform/csv/import.js';
import type { ImportJobType } from '../../platform/imports/import-job.types.js';
import { startImportJob } from '../../platform/imports/import-jobs.js';
import type { Importer } from '../../platform/imports/runner.js';
import { stageRows, unstageRows, type StagingTable } from '../../platform/imports/staging.js';
import { ROSTER_CSV_COLUMNS } from './roster.csv.js';
import { checkRosterFile, previewOfRoster, writeRosterFrom } from './roster.service.js';

/**
 * The employee roster from an uploaded file, as a background job (platform/imports/runner.ts):
 * the rules and messages of importEmployees (never an employee's email in a message), and its
 * write: writeRosterFrom, the same two statements with the same audit trail (roster_changes), in
 * one final transaction that holds the organization's roster lock as the mutation does. Roster
 * data only: nothing here reads or writes participations or answers (docs/anonymity.md). The rows
 * are staged in roster_import_rows (written only here).
 */

export function startRosterImport(ctx: Context, uploadId: string, dryRun: boolean): Promise<ImportJobType> {
  orgOf(ctx);
  return startImportJob(ctx, 'ROSTER', uploadId, dryRun, {});
}

const STAGING: StagingTable = {
  name: 'roster_import_rows',
  columns: { line: 'int', email: 'text', name: 'text', language: 'text', org_unit_id: 'uuid', location: 'text', tenure_band: 'text' },
};
const STAGED_ROSTER = `(SELECT email, name, language, org_unit_id, location, tenure_band FROM roster_import_rows WHERE job_id = $2::uuid) AS t`;

const STAGED_LISTED = (jobId: string) => ({ where: `EXISTS (SELECT 1 FROM roster_import_rows s WHERE s.job_id = $2::uuid AND s.email = e.email)`, param: jobId });

export const rosterImporter: Importer = {
  columns: ROSTER_CSV_COLUMNS,
  noun: 'employees',

  begin(job) {
    const seen = firstLines();
    const people: { email: string; name: string }[] = [];
    return {
      async check(db, chunk) {
        const { errors, people: valid } = await checkRosterFile(db, job.organizationId, chunk, seen);
        if (job.dryRun && errors.length === 0) for (const p of valid) people.push({ email: p.email, name: p.name });
        return errors;
      },

      preview: (db) => previewOfRoster(db, job.organizationId, people),

      async stage(tx, chunk) {
        const { errors, people: valid } = await checkRosterFile(tx, job.organizationId, chunk, seen);
        if (errors.length > 0 || valid.length === 0) return errors;
        const rows = valid.map((p) => ({ line: p.line, email: p.email, name: p.name, language: p.language, org_unit_id: p.orgUnitId, location: p.location, tenure_band: p.tenureBand }));
        await stageRows(tx, STAGING, job.id, rows);
        return [];
      },

      async apply(tx, file) {
        // One roster import per organization at a time: the leavers are those missing from THIS file.
        await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [job.organizationId]);
        const counts = await writeRosterFrom(tx, job.organizationId, { from: STAGED_ROSTER, param: job.id, listed: STAGED_LISTED(job.id) }, { location: file.has('location'), tenureBand: file.has('tenure_band') });
        return { result: { imported: counts.created + counts.updated, ...counts, errors: [] } };
      },
    };
  },

  unstage: (db: EntityManager, jobId: string) => unstageRows(db, STAGING, jobId),
};
