import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { rowError } from '../../platform/csv/csv-file.js';
import { firstLines } from '../../platform/csv/import.js';
import type { ImportJobType } from '../../platform/imports/import-job.types.js';
import { startImportJob } from '../../platform/imports/import-jobs.js';
import type { Importer } from '../../platform/imports/runner.js';
import { stageRows, unstageRows, type StagingTable } from '../../platform/imports/staging.js';
import { CONTACT_CSV_COLUMNS } from './contact.csv.js';
import { TAKEN_BY_OTHER_OWNER, actorOf, type Actor } from './contact.rules.js';
import { checkContactFile, contactWriteSql, previewOfContacts, upsertParams } from './contact.service.js';

/**
 * Contacts from an uploaded file, as a background job (platform/imports/runner.ts): the rules,
 * messages and the one write statement of importContacts, for files beyond one request. The rows
 * are staged in contact_import_rows (written only here) and upserted from there at the end.
 */

/** Starts an import (or its dry run) of one of the caller's uploads, as the caller: a manager's contacts are their own. */
export function startContactImport(ctx: Context, uploadId: string, dryRun: boolean): Promise<ImportJobType> {
  const actor = actorOf(ctx);
  return startImportJob(ctx, 'CONTACTS', uploadId, dryRun, actor.scope === 'own' ? { scope: 'own', userId: actor.userId } : { scope: 'all' });
}

const STAGING: StagingTable = {
  name: 'contact_import_rows',
  columns: { line: 'int', email: 'text', name: 'text', language: 'text', owner_id: 'uuid', org_unit_id: 'uuid', segments: 'jsonb', annual_value: 'numeric' },
};
const STAGED_CONTACTS = `(SELECT email, name, language, owner_id, org_unit_id, segments, annual_value FROM contact_import_rows WHERE job_id = $2) AS t`;

export const contactImporter: Importer = {
  columns: CONTACT_CSV_COLUMNS,
  noun: 'contacts',

  begin(job) {
    const options = job.options as { scope: 'all' } | { scope: 'own'; userId: string };
    const actor: Actor = { organizationId: job.organizationId, ...options };
    const seen = firstLines();
    const people: { email: string; name: string }[] = [];
    return {
      async check(db, chunk) {
        const { errors, valid } = await checkContactFile(db, actor, chunk, seen);
        if (job.dryRun && errors.length === 0) for (const v of valid) people.push({ email: v.values.email, name: v.values.name });
        return errors;
      },

      preview: (db) => previewOfContacts(db, actor.organizationId, people),

      async stage(tx, chunk) {
        const { errors, valid } = await checkContactFile(tx, actor, chunk, seen);
        if (errors.length > 0 || valid.length === 0) return errors;
        const rows = valid.map(({ line, values: v }) => ({ line, email: v.email, name: v.name, language: v.language, owner_id: v.ownerId, org_unit_id: v.orgUnitId, segments: v.segments, annual_value: v.annualValue ?? null }));
        await stageRows(tx, STAGING, job.id, rows);
        return [];
      },

      async apply(tx, file) {
        if (actor.scope === 'own') {
          // Another owner's contact created since the rows were checked: named by line, as the check would.
          const taken: { line: number }[] = await tx.query(
            `SELECT s.line FROM contact_import_rows s
               JOIN contacts c ON c.organization_id = $1 AND c.email = s.email AND c.owner_id IS DISTINCT FROM $3
              WHERE s.job_id = $2 ORDER BY s.line`,
            [actor.organizationId, job.id, actor.userId],
          );
          if (taken.length > 0) return { errors: taken.map(({ line }) => rowError(line, 'email', TAKEN_BY_OTHER_OWNER, 'EMAIL_OWNED_BY_OTHER')) };
        }
        const [{ created, written, staged }]: { created: number; written: number; staged: number }[] = await tx.query(
          `WITH written AS (${contactWriteSql(STAGED_CONTACTS, 'upsert')} RETURNING (xmax = 0) AS inserted)
           SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*)::int AS written,
                  (SELECT count(*)::int FROM contact_import_rows WHERE job_id = $2) AS staged
             FROM written`,
          [actor.organizationId, job.id, ...upsertParams(actor, file.extras, file.has('annual_value'))],
        );
        // A manager's row met another owner's contact created after the check above: the job runs again and names it.
        if (written !== staged) throw new Error('Contacts changed while the file was imported');
        return { result: { imported: written, created, updated: written - created, deactivated: 0, errors: [] } };
      },
    };
  },

  unstage: (db: EntityManager, jobId: string) => unstageRows(db, STAGING, jobId),
};
