import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportPreview } from '../csv/import-preview.js';
import { ImportResult, RowError } from '../csv/import-result.types.js';

export const IMPORT_KINDS = ['CONTACTS', 'ROSTER'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindEnum = Object.fromEntries(IMPORT_KINDS.map((k) => [k, k])) as { [K in ImportKind]: K };
registerEnumType(ImportKindEnum, { name: 'ImportKind', description: 'CONTACTS (startContactImport) or ROSTER, the employee roster (startRosterImport)' });

export const IMPORT_STATUSES = ['VALIDATING', 'IMPORTING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const ImportStatusEnum = Object.fromEntries(IMPORT_STATUSES.map((s) => [s, s])) as { [S in ImportStatus]: S };
registerEnumType(ImportStatusEnum, {
  name: 'ImportJobStatus',
  description:
    'VALIDATING: every row is checked, nothing is written (a queued job waits here at 0). IMPORTING: the file had no bad row; ' +
    'its rows are staged in chunks, then written in one transaction. DONE: written (or, for a dry run, previewed). FAILED: nothing was written; see errors and message.',
});

/** Row errors an import job lists; errorCount counts them all. */
export const MAX_LISTED_ERRORS = 1000;

@ObjectType('ImportJob', { description: 'A CSV import of an uploaded file, run in the background; poll importJob(id) for its progress' })
export class ImportJobType {
  @Field(() => ID)
  id: string;

  @Field(() => ImportKindEnum)
  kind: ImportKind;

  @Field(() => Boolean, { description: 'A dry run checks the file and previews what it would do (preview), writing nothing' })
  dryRun: boolean;

  @Field(() => ImportStatusEnum)
  status: ImportStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Data rows of the file: estimated from its bytes while VALIDATING reads it, exact from IMPORTING on; null before the job starts',
  })
  rowsTotal: number | null;

  @Field(() => Int, { description: 'Rows checked (VALIDATING) or staged (IMPORTING) so far; rowsTotal when DONE' })
  rowsDone: number;

  @Field(() => Float, { description: 'rowsDone of rowsTotal within the current status, from 0 to 1; 1 when DONE' })
  progress: number;

  @Field(() => [RowError], { description: `The first ${MAX_LISTED_ERRORS} problems of the file, by line: exactly what importContacts or importEmployees would answer` })
  errors: RowError[];

  @Field(() => Int, { description: 'Every problem of the file, listed or not' })
  errorCount: number;

  @Field(() => ImportResult, { nullable: true, description: 'What the import wrote, once DONE (not for a dry run)' })
  result: ImportResult | null;

  @Field(() => ImportPreview, { nullable: true, description: 'A dry run once DONE: who the file would add, update and mark as leaving' })
  preview: ImportPreview | null;

  @Field(() => String, {
    nullable: true,
    description: 'FAILED without row errors: why, in English (the file is gone, an unexpected failure). Nothing was written.',
  })
  message: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
