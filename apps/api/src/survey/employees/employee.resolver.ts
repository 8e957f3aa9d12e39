import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ImportResult } from '../../platform/csv/import-result.types.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { ImportPreview } from '../../platform/csv/import-preview.js';
import { ImportJobType } from '../../platform/imports/import-job.types.js';
import { startRosterImport } from './roster-import.js';
import { EmployeeConnection, EmployeeFilter, EmployeeType, RestoreResult } from './employee.types.js';
import * as roster from './roster.service.js';
import { ROSTER_KEEPERS } from '../../kernel/policies.js';

/** HR and admins manage the employee roster; nobody else reads it. */

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  @Authorized(...ROSTER_KEEPERS)
  @Query(() => EmployeeConnection, {
    description: 'The employee roster in alphabetical order: roster data only, nothing about who was invited to or answered a survey',
  })
  employees(
    @Arg('filter', () => EmployeeFilter, { nullable: true }) filter: EmployeeFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return roster.listEmployees(ctx, filter ?? null, { first, after });
  }

  @Authorized(...ROSTER_KEEPERS)
  @Mutation(() => ImportResult, {
    description:
      'The employee roster as CSV with a header row: email,name,language,org_unit, and optionally location,tenure_band ' +
      '(a column left out keeps what each person has). Every row is checked first: with any bad row nothing is imported and ' +
      '`errors` lists every bad row (line, column). People are created or updated by email; every active employee the file ' +
      'does not list is marked inactive (a leaver), counted in `deactivated`. At most 10,000 rows and 5 MB.',
  })
  importEmployees(@Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return roster.importEmployees(ctx, csv);
  }

  @Authorized(...ROSTER_KEEPERS)
  @Mutation(() => ImportJobType, {
    description:
      'Imports the roster from a file uploaded with POST /uploads (up to 50 MB and 200,000 rows) in the background, by the rules of importEmployees: ' +
      'every row is checked first, and with any bad row nothing is imported; people the file does not list become leavers, and every change is ' +
      'recorded in rosterChanges. Poll importJob(id) for its progress. A dry run (dryRun: true) only checks the file and previews who it adds, ' +
      'updates and marks as leaving, and leaves the upload for the import. ' +
      'NOT_FOUND (uploadId) for an unknown, expired or anyone else’s upload; CONFLICT (uploadId) when it was imported already.',
  })
  startRosterImport(
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    return startRosterImport(ctx, uploadId, dryRun);
  }

  @Authorized(...ROSTER_KEEPERS)
  @Query(() => ImportPreview, {
    description:
      'A dry run of importEmployees: the same checks and errors, and who the file would add, update and mark as leaving, by name. Writes nothing.',
  })
  previewEmployeeImport(@Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return roster.previewEmployeeImport(ctx, csv);
  }

  @Authorized(...ROSTER_KEEPERS)
  @Mutation(() => RestoreResult, {
    description:
      'Leavers back on the active roster, by email. NOT_FOUND (emails) when one is not an employee of the organization; nothing changes then. ' +
      'Waves that already invited their participants do not gain them.',
  })
  restoreEmployees(@Arg('emails', () => [String]) emails: string[], @Ctx() ctx: Context) {
    return roster.restoreEmployees(ctx, emails);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() employee: EmployeeType, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> | null {
    return employee.orgUnitId ? ctx.loaders.orgUnit.load(employee.orgUnitId) : null;
  }
}
