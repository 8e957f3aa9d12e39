import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { SURVEY_READERS, SURVEY_SENDERS, WAVE_RUNNERS } from '../../kernel/policies.js';
import { WaveType } from '../waves/wave.type.js';
import { createProgramme, listTransactions, updateProgramme } from './programme.service.js';
import { triggerSurvey, triggerSurveys } from './trigger.service.js';
import {
  CreateProgrammeInput,
  TransactionConnection,
  TransactionStatusEnum,
  TransactionType,
  TriggerSurveyInput,
  TriggerSurveysResult,
  UpdateProgrammeInput,
} from './transaction.types.js';
import type { TransactionStatus } from './transaction.entity.js';
import { ImportResult } from '../../platform/csv/import-result.types.js';
import { importTransactions } from './transaction-import.js';

@Resolver(() => TransactionType)
export class TransactionResolver {
  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: 'A transactional programme (a Wave of kind TRANSACTIONAL), open at once; identified audiences only' })
  createProgramme(@Arg('input', () => CreateProgrammeInput) input: CreateProgrammeInput, @Ctx() ctx: Context) {
    return createProgramme(ctx, input);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: "Change a programme's name, touchpoint or send delay" })
  updateProgramme(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateProgrammeInput) input: UpdateProgrammeInput, @Ctx() ctx: Context) {
    return updateProgramme(ctx, id, input);
  }

  @Authorized(...SURVEY_SENDERS)
  @Mutation(() => TransactionType, {
    description: 'One transaction: its invitation is sent after the programme\'s delay, or skipped with its reason. Idempotent on transactionId; the same id with other values is CONFLICT naming the field',
  })
  triggerSurvey(@Arg('input', () => TriggerSurveyInput) input: TriggerSurveyInput, @Ctx() ctx: Context) {
    return triggerSurvey(ctx, input);
  }

  @Authorized(...SURVEY_SENDERS)
  @Mutation(() => TriggerSurveysResult, { description: 'Up to 1,000 transactions, all or nothing: with any problem none is recorded and errors name each index and field' })
  triggerSurveys(@Arg('inputs', () => [TriggerSurveyInput]) inputs: TriggerSurveyInput[], @Ctx() ctx: Context) {
    return triggerSurveys(ctx, inputs);
  }

  @Authorized(...SURVEY_SENDERS)
  @Mutation(() => ImportResult, {
    description:
      'A CSV of transactions (columns transaction_id, occurred_at and any of email, external_id, name, language, product, channel, location, ' +
      'served_by_email or served_by_external_id with served_by_name), each as triggerSurvey. Any bad row imports nothing; errors name every bad line and column',
  })
  importTransactions(@Arg('programmeId', () => ID) programmeId: string, @Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return importTransactions(ctx, programmeId, csv);
  }

  @Authorized(...SURVEY_READERS)
  @Query(() => TransactionConnection, { description: "A programme's transactions, newest first; NOT_FOUND (programmeId) for an unknown programme" })
  transactions(
    @Arg('programmeId', () => ID) programmeId: string,
    @Arg('status', () => TransactionStatusEnum, { nullable: true }) status: TransactionStatus | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listTransactions(ctx, programmeId, status, { first, after });
  }
}
