import type { Context } from '../../kernel/context.js';
import { invalidState } from '../../kernel/errors.js';
import { rowError, type CsvColumns, type CsvTable } from '../../platform/csv/csv-file.js';
import { firstLines, nothingImported, readImportFile } from '../../platform/csv/import.js';
import type { ImportResult, RowError } from '../../platform/csv/import-result.types.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import { programmeOf } from './programme.service.js';
import { checkTrigger, servedByKey, type TriggerCandidate } from './trigger-rules.js';
import { recordAll, type ResolvedTrigger } from './trigger.service.js';
import { scheduleSend } from './send-schedule.js';
import type { TriggerError } from './transaction.types.js';

/**
 * A CSV of transactions for one programme (issue 19): one row per transaction, with the columns of
 * triggerSurvey in snake case; the serving employee is a user by email (served_by_email) or a
 * person of the integrator's (served_by_external_id with served_by_name). Read and checked by the
 * contacts import's machinery (platform/csv) and triggerSurvey's rules: any bad row imports nothing,
 * and every bad row is named with its line and column.
 */
export const TRANSACTION_CSV_COLUMNS: CsvColumns = {
  required: ['transaction_id', 'occurred_at'],
  optional: ['email', 'external_id', 'name', 'language', 'product', 'channel', 'location', 'served_by_email', 'served_by_external_id', 'served_by_name'],
  others: { keep: false },
  maxColumnName: 40,
};

/** The column of each checked field. */
const COLUMN: Record<keyof TriggerCandidate, string> = {
  transactionId: 'transaction_id',
  email: 'email',
  externalId: 'external_id',
  name: 'name',
  language: 'language',
  occurredAt: 'occurred_at',
  product: 'product',
  channel: 'channel',
  location: 'location',
  servedBy: 'served_by_email',
  servedByExternalId: 'served_by_external_id',
  servedByName: 'served_by_name',
};

const columnOf = (field: string) => COLUMN[field as keyof TriggerCandidate] ?? field;

export async function importTransactions(ctx: Context, programmeId: string, csv: string): Promise<ImportResult> {
  const programme = await programmeOf(ctx, programmeId, 'programmeId');
  if (programme.status !== 'OPEN') throw invalidState('This programme is closed; it takes no more transactions', 'programmeId');
  const file = readImportFile(csv, TRANSACTION_CSV_COLUMNS, 'transactions');
  if (!file.ok) return nothingImported(file.errors);
  const now = ctx.app.now();
  const { errors, triggers, lines } = await checkRows(ctx, programme, file.table, now);
  if (errors.length) return nothingImported(errors);

  const { throttleDays } = await settingsOf(ctx);
  const refused: TriggerError[] = [];
  const rows = await recordAll(ctx.db, triggers, { throttleDays, now }, refused, (_index, field) => columnOf(field));
  if (refused.length) return nothingImported(refused.map((e) => rowError(lines[e.index], e.field, e.message, 'TRANSACTION_CONFLICT')));
  for (const row of rows) await scheduleSend(ctx.db, row);
  // A row recorded now has created_at = now; one recorded before (the same id again) is a repeat.
  const created = rows.filter((r) => r.createdAt.getTime() === now.getTime()).length;
  ctx.logger.info({ event: 'transactions.imported', programmeId: programme.id, created, repeated: rows.length - created }, 'transactions imported');
  return { imported: rows.length, created, updated: rows.length - created, deactivated: 0, errors: [] };
}

/** Every row checked, writing nothing: the errors by line and column, or the triggers ready to record. */
async function checkRows(ctx: Context, programme: WaveEntity, table: CsvTable, now: Date) {
  const errors: RowError[] = [...table.errors];
  const servingEmails = [...new Set(table.rows.map((row) => table.cell(row, 'served_by_email').trim().toLowerCase()).filter(Boolean))];
  const users: { id: string; email: string; name: string }[] = servingEmails.length
    ? await ctx.db.query(`SELECT id, lower(email) AS email, name FROM users WHERE organization_id = $1 AND active AND lower(email) = ANY($2::text[])`, [
        programme.organizationId,
        servingEmails,
      ])
    : [];
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const seen = firstLines();
  const triggers: ResolvedTrigger[] = [];
  const lines: number[] = [];
  for (const row of table.rows) {
    const cell = (column: string) => table.cell(row, column);
    const servingEmail = cell('served_by_email').trim().toLowerCase();
    const user = servingEmail ? userByEmail.get(servingEmail) : undefined;
    if (servingEmail && !user) errors.push(rowError(row.line, 'served_by_email', `No active user with email "${servingEmail}" in your organization`, 'USER_NOT_FOUND'));
    const occurred = cell('occurred_at').trim();
    const { values, problems } = checkTrigger(
      {
        transactionId: cell('transaction_id'),
        email: cell('email'),
        externalId: cell('external_id'),
        name: cell('name'),
        language: cell('language'),
        occurredAt: occurred ? new Date(occurred) : null,
        product: cell('product'),
        channel: cell('channel'),
        location: cell('location'),
        servedBy: user?.id ?? null,
        servedByExternalId: cell('served_by_external_id'),
        servedByName: cell('served_by_name'),
      },
      now,
    );
    for (const p of problems) errors.push(rowError(row.line, COLUMN[p.field], p.message, 'TRANSACTION_INVALID'));
    const id = cell('transaction_id').trim();
    const first = id ? seen.repeatOf(id, row.line) : undefined;
    if (first !== undefined) errors.push(rowError(row.line, 'transaction_id', `"${id}" is already on line ${first}; each transaction once per file`, 'DUPLICATE_IN_FILE'));
    if (!values || errors.length) continue;
    triggers.push({ programme, values, servedBy: servedByKey(values.servedBy), servedByName: user ? user.name : values.servedBy && 'name' in values.servedBy ? values.servedBy.name : null });
    lines.push(row.line);
  }
  return { errors, triggers, lines };
}
