import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { enumOf } from '../../kernel/enums.js';
import { ConnectionType } from '../../kernel/connection.js';
import { AudienceEnum } from '../waves/wave.enums.js';
import { LocalizedTextInput, RatingQuestionInput } from '../waves/wave.inputs.js';
import type { Audience } from '../waves/wave.entity.js';
import { SKIP_REASONS, TRANSACTION_STATUSES, type SkipReason, type TransactionEntity, type TransactionStatus } from './transaction.entity.js';

export const TransactionStatusEnum = enumOf<TransactionStatus>(TRANSACTION_STATUSES);
registerEnumType(TransactionStatusEnum, { name: 'TransactionStatus', description: 'SCHEDULED: its invitation waits for the send time; SENT: mailed; SKIPPED: not sent (see skipReason)' });

export const SkipReasonEnum = enumOf<SkipReason>(SKIP_REASONS);
registerEnumType(SkipReasonEnum, {
  name: 'TransactionSkipReason',
  description: "UNSUBSCRIBED: the contact unsubscribed; THROTTLED: invited within the organization's throttle window, or another invitation is waiting; PROGRAMME_CLOSED: closed before the send time",
});

@InputType('CreateProgrammeInput')
export class CreateProgrammeInput {
  @Field(() => String, { description: '1 to 200 characters' })
  name: string;

  @Field(() => AudienceEnum, { description: 'CUSTOMER, CANDIDATE or ASSOCIATE: a programme invites identified people' })
  audience: Audience;

  @Field(() => String, { description: 'Where the transaction happens, e.g. "placement", "support case", "delivery" (1 to 100 characters)' })
  touchpoint: string;

  @Field(() => Int, { description: 'Minutes between a transaction and its invitation, 0 to 43200 (30 days)' })
  sendDelayMinutes: number;

  @Field(() => [String], { nullable: true, description: 'A subset of en, pl, da, ru, sl; all five when left out' })
  languages?: string[] | null;

  @Field(() => [RatingQuestionInput], { nullable: true, description: 'Extra 1–5 ratings asked after the standard questions' })
  ratings?: RatingQuestionInput[] | null;

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'The survey title respondents see, per language' })
  publicTitles?: LocalizedTextInput[] | null;
}

@InputType('UpdateProgrammeInput', { description: 'Fields left out stay as they are; a new delay applies to transactions triggered from now on' })
export class UpdateProgrammeInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  touchpoint?: string | null;

  @Field(() => Int, { nullable: true })
  sendDelayMinutes?: number | null;
}

@InputType('TriggerSurveyInput', { description: 'One transaction: its contact is found by externalId, else email, and created when new (a new contact needs an email)' })
export class TriggerSurveyInput {
  @Field(() => ID, { description: 'The transactional programme (Wave of kind TRANSACTIONAL)' })
  programmeId: string;

  @Field(() => String, { description: "Your system's id of the transaction (1 to 200 characters): the same id again sends nothing new and answers the same transaction" })
  transactionId: string;

  @Field(() => String, { nullable: true, description: "The contact's email; give it or externalId" })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's id in your system" })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'For a new contact (default: the part of the email before @)' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'For a new contact: en, pl, da, ru or sl (default en)' })
  language?: string | null;

  @Field(() => DateTimeResolver, { description: 'When the transaction happened; at most a day ahead' })
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  product?: string | null;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who served the customer; or servedByExternalId with servedByName' })
  servedBy?: string | null;

  @Field(() => String, { nullable: true, description: "The serving employee's id in your system (one without a Tandem login)" })
  servedByExternalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Their name, with servedByExternalId' })
  servedByName?: string | null;
}

@ObjectType('Transaction', { description: 'A transaction of a transactional programme and what became of its invitation' })
export class TransactionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  programmeId: string;

  @Field(() => String, { description: "Your system's id of the transaction" })
  transactionId: string;

  @Field(() => ID)
  contactId: string;

  @Field(() => DateTimeResolver)
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  product: string | null;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true, description: '"user:<id>" for a user, "ext:<your id>" for an employee without a login' })
  servedBy: string | null;

  @Field(() => String, { nullable: true })
  servedByName: string | null;

  @Field(() => TransactionStatusEnum)
  status: TransactionStatus;

  @Field(() => SkipReasonEnum, { nullable: true })
  skipReason: SkipReason | null;

  @Field(() => DateTimeResolver, { description: "When its invitation goes (or went) out: when it was triggered plus the programme's delay" })
  sendAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  sentAt: Date | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  static from(row: TransactionEntity): TransactionType {
    return Object.assign(new TransactionType(), {
      id: row.id,
      programmeId: row.waveId,
      transactionId: row.externalId,
      contactId: row.contactId,
      occurredAt: row.occurredAt,
      product: row.product,
      channel: row.channel,
      location: row.location,
      servedBy: row.servedBy,
      servedByName: row.servedByName,
      status: row.status,
      skipReason: row.skipReason,
      sendAt: row.sendAt,
      sentAt: row.sentAt,
      createdAt: row.createdAt,
    });
  }
}

export const TransactionConnection = ConnectionType('Transaction', TransactionType);

@ObjectType('TriggerError', { description: 'What is wrong with one trigger of a batch' })
export class TriggerError {
  @Field(() => Int)
  index: number;

  @Field(() => String)
  field: string;

  @Field(() => String)
  message: string;
}

@ObjectType('TriggerSurveysResult', { description: 'All or nothing: with any error, no transaction is recorded and transactions is empty' })
export class TriggerSurveysResult {
  @Field(() => [TransactionType], { description: 'In the order of the inputs' })
  transactions: TransactionType[];

  @Field(() => [TriggerError])
  errors: TriggerError[];
}
