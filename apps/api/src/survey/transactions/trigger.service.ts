import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { DomainError, badInput, conflict, invalidState, notFound } from '../../kernel/errors.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import { lockContactForTransaction, type TransactionContact } from '../contacts/contact.service.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import { programmeOf } from './programme.service.js';
import { TransactionEntity, type SkipReason } from './transaction.entity.js';
import { TransactionType, type TriggerSurveyInput, type TriggerSurveysResult, type TriggerError } from './transaction.types.js';
import { checkTrigger, servedByKey, type TriggerValues } from './trigger-rules.js';
import { scheduleSend } from './send-schedule.js';

/** The most transactions one triggerSurveys call takes. */
export const MAX_TRIGGERS = 1000;

/** A checked trigger with what the database resolved for it. */
export interface ResolvedTrigger {
  programme: WaveEntity;
  values: TriggerValues;
  servedBy: string | null;
  servedByName: string | null;
}

/**
 * One transaction of a transactional programme (API: surveys:send; ADMIN, CX). Checked whole before
 * anything is written; the contact is found or created; its invitation is scheduled after the
 * programme's delay, or skipped at once with its reason (UNSUBSCRIBED, THROTTLED). The same
 * transactionId again answers the transaction already recorded and sends nothing; with other
 * values it is CONFLICT naming the first field that differs.
 */
export async function triggerSurvey(ctx: Context, input: TriggerSurveyInput): Promise<TransactionType> {
  const trigger = await resolveTrigger(ctx, input, (field) => `input.${field}`);
  const { throttleDays } = await settingsOf(ctx);
  const row = await ctx.db.transaction((tx) => recordTransaction(tx, trigger, { throttleDays, now: ctx.app.now(), field: (f) => `input.${f}` }));
  await scheduleSend(ctx.db, row);
  return TransactionType.from(row);
}

/**
 * Up to MAX_TRIGGERS transactions, all or nothing: with any problem nothing is recorded and every
 * problem comes back with its index and field. Within the batch the same transactionId twice is
 * recorded once, as across calls.
 */
export async function triggerSurveys(ctx: Context, inputs: TriggerSurveyInput[]): Promise<TriggerSurveysResult> {
  orgOf(ctx);
  if (inputs.length === 0) throw badInput('inputs', 'Give at least one transaction');
  if (inputs.length > MAX_TRIGGERS) throw badInput('inputs', `At most ${MAX_TRIGGERS} transactions per call; send the rest in further calls`);
  const errors: TriggerError[] = [];
  const triggers: ResolvedTrigger[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      triggers.push(await resolveTrigger(ctx, input, (field) => field));
    } catch (error) {
      if (!(error instanceof DomainError) || !error.field) throw error;
      errors.push({ index, field: error.field, message: error.message });
    }
  }
  if (errors.length) return { transactions: [], errors };
  const { throttleDays } = await settingsOf(ctx);
  const now = ctx.app.now();
  const rows = await recordAll(ctx.db, triggers, { throttleDays, now }, errors);
  if (errors.length) return { transactions: [], errors };
  for (const row of rows) await scheduleSend(ctx.db, row);
  return { transactions: rows.map(TransactionType.from), errors: [] };
}

/** Records every trigger in one transaction, rolled back when any is refused (its error pushed to `errors`). */
export async function recordAll(
  db: EntityManager,
  triggers: ResolvedTrigger[],
  options: { throttleDays: number; now: Date },
  errors: TriggerError[],
  fieldOf: (index: number, field: string) => string = (_index, field) => field,
): Promise<TransactionEntity[]> {
  const rollback = new Error('rollback');
  try {
    return await db.transaction(async (tx) => {
      const rows: TransactionEntity[] = [];
      for (const [index, trigger] of triggers.entries()) {
        try {
          rows.push(await recordTransaction(tx, trigger, { ...options, field: (f) => fieldOf(index, f) }));
        } catch (error) {
          if (!(error instanceof DomainError) || !error.field) throw error;
          errors.push({ index, field: error.field, message: error.message });
        }
      }
      if (errors.length) throw rollback;
      return rows;
    });
  } catch (error) {
    if (error === rollback) return [];
    throw error;
  }
}

/**
 * The checks that need no lock: the programme (NOT_FOUND for an unknown one or another
 * organization's; INVALID_STATE when closed), the values (BAD_USER_INPUT naming the first field
 * at fault), and a serving user (NOT_FOUND servedBy unless an active user of the organization).
 */
async function resolveTrigger(ctx: Context, input: TriggerSurveyInput, field: (name: string) => string): Promise<ResolvedTrigger> {
  const programme = await programmeOf(ctx, input.programmeId, field('programmeId'));
  const { values, problems } = checkTrigger(input, ctx.app.now());
  if (!values) throw badInput(field(problems[0].field), problems[0].message);
  if (programme.status !== 'OPEN') throw invalidState('This programme is closed; it takes no more transactions', field('programmeId'));
  let servedByName: string | null = null;
  if (values.servedBy && 'userId' in values.servedBy) {
    const [user]: { name: string }[] = await ctx.db.query(`SELECT name FROM users WHERE id = $1 AND organization_id = $2 AND active`, [
      values.servedBy.userId,
      programme.organizationId,
    ]);
    if (!user) throw notFound('User', field('servedBy'));
    servedByName = user.name;
  } else if (values.servedBy) {
    servedByName = values.servedBy.name;
  }
  return { programme, values, servedBy: servedByKey(values.servedBy), servedByName };
}

/**
 * Writes one transaction in the caller's database transaction, or answers the one recorded under
 * its id already (CONFLICT when it differs). New: SKIPPED when the contact unsubscribed or is
 * throttled (invited within the throttle window, or with another invitation scheduled), else
 * SCHEDULED for now + the programme's delay.
 */
export async function recordTransaction(
  tx: EntityManager,
  trigger: ResolvedTrigger,
  options: { throttleDays: number; now: Date; field: (name: string) => string },
): Promise<TransactionEntity> {
  const { programme, values } = trigger;
  const key = { organizationId: programme.organizationId, waveId: programme.id, externalId: values.externalId };
  const existing = await tx.findOneBy(TransactionEntity, key);
  if (existing) return sameOrConflict(tx, existing, trigger, options.field);

  const contact = await lockContactForTransaction(tx, programme.organizationId, values.contact).catch((error: unknown) => {
    if (error instanceof DomainError && error.field) throw new DomainError(error.code, error.message, options.field(error.field));
    throw error;
  });
  if (!contact) throw badInput(options.field('email'), 'No contact has this externalId; give an email to create one');
  const skip = await skipReasonOf(tx, contact, options);
  const sendAt = new Date(options.now.getTime() + (programme.sendDelayMinutes ?? 0) * 60_000);
  const [inserted]: Record<string, unknown>[] = await tx.query(
    `INSERT INTO transactions (organization_id, wave_id, external_id, contact_id, occurred_at, product, channel, location,
                               served_by, served_by_name, send_at, status, skip_reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (organization_id, wave_id, external_id) DO NOTHING
     RETURNING *`,
    [
      programme.organizationId, programme.id, values.externalId, contact.id, values.occurredAt, values.product, values.channel, values.location,
      trigger.servedBy, trigger.servedByName, sendAt, skip ? 'SKIPPED' : 'SCHEDULED', skip, options.now,
    ],
  );
  if (inserted) return transactionOf(tx, inserted);
  // A concurrent call recorded the same id first: answer it as a repeat.
  return sameOrConflict(tx, await tx.findOneByOrFail(TransactionEntity, key), trigger, options.field);
}

async function skipReasonOf(tx: EntityManager, contact: TransactionContact, options: { throttleDays: number; now: Date }): Promise<SkipReason | null> {
  if (contact.unsubscribed) return 'UNSUBSCRIBED';
  if (options.throttleDays <= 0 || contact.created) return null;
  const windowStart = options.now.getTime() - options.throttleDays * 86_400_000;
  if (contact.lastInvitedAt && contact.lastInvitedAt.getTime() > windowStart) return 'THROTTLED';
  const [waiting] = await tx.query(`SELECT 1 FROM transactions WHERE contact_id = $1 AND status = 'SCHEDULED' LIMIT 1`, [contact.id]);
  return waiting ? 'THROTTLED' : null;
}

/** A repeated transaction id: the recorded transaction when it carries the same values, else CONFLICT naming the first that differs. */
async function sameOrConflict(tx: EntityManager, row: TransactionEntity, trigger: ResolvedTrigger, field: (name: string) => string): Promise<TransactionEntity> {
  const { values } = trigger;
  const [contact]: { email: string; external_id: string | null }[] = await tx.query(`SELECT email, external_id FROM contacts WHERE id = $1`, [row.contactId]);
  const differs: [string, boolean][] = [
    ['email', values.contact.email !== null && contact?.email !== values.contact.email],
    ['externalId', values.contact.externalId !== null && contact?.external_id !== values.contact.externalId],
    ['occurredAt', row.occurredAt.getTime() !== values.occurredAt.getTime()],
    ['product', row.product !== values.product],
    ['channel', row.channel !== values.channel],
    ['location', row.location !== values.location],
    [values.servedBy && 'externalId' in values.servedBy ? 'servedByExternalId' : 'servedBy', row.servedBy !== trigger.servedBy],
    ['servedByName', row.servedByName !== trigger.servedByName],
  ];
  const first = differs.find(([, d]) => d);
  if (first) throw conflict(field(first[0]), `Transaction "${values.externalId}" was recorded already with another ${first[0]}`);
  return row;
}

/** A transactions row (RETURNING *) as the entity, saving the read back. */
function transactionOf(tx: EntityManager, row: Record<string, unknown>): TransactionEntity {
  const entity = new TransactionEntity();
  for (const column of tx.connection.getMetadata(TransactionEntity).columns) {
    (entity as unknown as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
  }
  return entity;
}
