import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, forbidden, notFound } from '../../kernel/errors.js';
import { paginate, type Connection, type PageArgs } from '../../kernel/connection.js';
import { createWave } from '../waves/wave.service.js';
import { WaveEntity } from '../waves/wave.entity.js';
import { WaveType } from '../waves/wave.type.js';
import { manageableAudiences, readableAudiences } from '../waves/wave-access.js';
import { TransactionEntity, type TransactionStatus } from './transaction.entity.js';
import { TransactionType, type CreateProgrammeInput, type UpdateProgrammeInput } from './transaction.types.js';

const MAX_NAME = 200;
const MAX_TOUCHPOINT = 100;
const MAX_DELAY_MINUTES = 43_200;

function checkTouchpoint(raw: string, field: string): string {
  const touchpoint = raw.trim();
  if (touchpoint.length === 0 || touchpoint.length > MAX_TOUCHPOINT) throw badInput(field, `The touchpoint must be 1 to ${MAX_TOUCHPOINT} characters`);
  return touchpoint;
}

function checkDelay(minutes: number, field: string): number {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DELAY_MINUTES) throw badInput(field, `The send delay is 0 to ${MAX_DELAY_MINUTES} minutes (30 days)`);
  return minutes;
}

/**
 * A transactional programme: a wave of kind TRANSACTIONAL, created OPEN, so its questions,
 * languages, respondent page and results are a wave's (wave.service.ts checks those and the
 * caller's right to run the audience). Employees are refused: their answers are anonymous, and a
 * transaction names a person.
 */
export function createProgramme(ctx: Context, input: CreateProgrammeInput): Promise<WaveType> {
  if (input.audience === 'EMPLOYEE') throw badInput('input.audience', 'A transactional programme surveys identified people: CUSTOMER, CANDIDATE or ASSOCIATE');
  const touchpoint = checkTouchpoint(input.touchpoint, 'input.touchpoint');
  const sendDelayMinutes = checkDelay(input.sendDelayMinutes, 'input.sendDelayMinutes');
  const { touchpoint: _t, sendDelayMinutes: _d, ...wave } = input;
  return createWave(ctx, wave, { touchpoint, sendDelayMinutes });
}

/** A programme of the caller's organization they may read: NOT_FOUND (field) otherwise, a wave included. */
export async function programmeOf(ctx: Context, id: string, field: string): Promise<WaveEntity> {
  const organizationId = orgOf(ctx);
  const wave = isUuid(id) ? await ctx.db.findOneBy(WaveEntity, { id, organizationId, kind: 'TRANSACTIONAL' }) : null;
  if (!wave || (ctx.principal!.kind === 'user' && !readableAudiences(ctx.principal!).has(wave.audience))) throw notFound('Programme', field);
  return wave;
}

/** Name, touchpoint and delay; a new delay counts for transactions triggered from now on. */
export async function updateProgramme(ctx: Context, id: string, input: UpdateProgrammeInput): Promise<WaveType> {
  const programme = await programmeOf(ctx, id, 'id');
  if (ctx.principal!.kind === 'user' && !manageableAudiences(ctx.principal!).has(programme.audience)) {
    throw forbidden('Only CX and admins run customer, candidate and associate programmes');
  }
  const changes: Partial<WaveEntity> = {};
  if (input.name != null) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > MAX_NAME) throw badInput('input.name', `The name must be 1 to ${MAX_NAME} characters`);
    changes.name = name;
  }
  if (input.touchpoint != null) changes.touchpoint = checkTouchpoint(input.touchpoint, 'input.touchpoint');
  if (input.sendDelayMinutes != null) changes.sendDelayMinutes = checkDelay(input.sendDelayMinutes, 'input.sendDelayMinutes');
  if (Object.keys(changes).length === 0) throw badInput('input', 'Give at least one field to change');
  await ctx.db.update(WaveEntity, { id: programme.id, organizationId: programme.organizationId }, changes);
  const row = { ...programme, ...changes };
  ctx.loaders.wave.clear(row.id).prime(row.id, row);
  return WaveType.from(row);
}

/** A programme's transactions, newest first, optionally of one status. */
export async function listTransactions(
  ctx: Context,
  programmeId: string,
  status: TransactionStatus | null,
  page: PageArgs,
): Promise<Connection<TransactionType>> {
  const programme = await programmeOf(ctx, programmeId, 'programmeId');
  const qb = ctx.db
    .createQueryBuilder(TransactionEntity, 't')
    .where('t.organization_id = :organizationId AND t.wave_id = :waveId', { organizationId: programme.organizationId, waveId: programme.id });
  if (status) qb.andWhere('t.status = :status', { status });
  return paginate(qb, page, { alias: 't', time: 'createdAt' }, TransactionType.from);
}
