import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { MailBatchKind, MailBatchProgress, MailFailureRow } from './mail-batches.js';

/** What inviteToWave did: invitations created, and every contact left out with why. */
@ObjectType('InvitationBatch')
export class InvitationBatch {
  @Field(() => ID, {
    nullable: true,
    description: 'The mail batch creating and mailing the invitations (mailBatch(id) follows it); null when nobody is queued and for employee waves, which invite in the request',
  })
  batchId: string | null;

  @Field(() => Int, { description: 'Invitations queued: the batch creates and mails them (employee waves: created and mailed already, unless counted in failed)' })
  invited: number;

  @Field(() => Int, { description: 'Contacts not invited: alreadyInvited + throttled + unsubscribed' })
  skipped: number;

  @Field(() => Int, { description: 'Already invited to this wave (one invitation per contact per wave)' })
  alreadyInvited: number;

  @Field(() => Int, { description: "Invited to some wave within the organization's throttle window" })
  throttled: number;

  @Field(() => Int, { description: 'Unsubscribed: never invited' })
  unsubscribed: number;

  @Field(() => Int, {
    description: "Employee waves: mails that could not be sent in the request. Identified waves: always 0 here; the batch's failures are in mailBatch(batchId)",
  })
  failed: number;
}

/** What remindWave did. */
@ObjectType('ReminderBatch')
export class ReminderBatch {
  @Field(() => ID, { nullable: true, description: 'The mail batch sending the reminders; null when nobody is due and for employee waves, which remind in the request' })
  batchId: string | null;

  @Field(() => Int, { description: 'Non-respondents reminded (identified waves: queued in the batch), each with the link they already have' })
  reminded: number;

  @Field(() => Int, { description: 'Non-respondents not mailed: unsubscribed + recentlyMailed' })
  skipped: number;

  @Field(() => Int)
  unsubscribed: number;

  @Field(() => Int, { description: "Mailed within the last 24 hours (employee waves: the wave's invitations or reminders already went out today)" })
  recentlyMailed: number;

  @Field(() => Int, { description: "Employee waves: mails that could not be sent. Identified waves: always 0 here; see mailBatch(batchId)" })
  failed: number;

  @Field(() => Boolean, {
    description: 'Employee waves of fewer than k invited people: every count is 0, since how many were reminded would tell how many answered',
  })
  countsHidden: boolean;
}

/** What retryFailedMail did. */
@ObjectType('RetryBatch')
export class RetryBatch {
  @Field(() => ID, { nullable: true, description: 'The new batch; null when nothing had failed' })
  batchId: string | null;

  @Field(() => Int, { description: 'Failed mails queued again' })
  retried: number;
}

const MAIL_BATCH_KINDS: { [K in MailBatchKind]: K } = { INVITATION: 'INVITATION', REMINDER: 'REMINDER', RETRY: 'RETRY' };
registerEnumType(MAIL_BATCH_KINDS, { name: 'MailBatchKind', description: 'What started a batch: inviteToWave, remindWave or retryFailedMail' });

export type MailBatchState = 'QUEUED' | 'SENDING' | 'RETRYING' | 'DONE';
const MAIL_BATCH_STATES: { [S in MailBatchState]: S } = { QUEUED: 'QUEUED', SENDING: 'SENDING', RETRYING: 'RETRYING', DONE: 'DONE' };
registerEnumType(MAIL_BATCH_STATES, {
  name: 'MailBatchState',
  description:
    'QUEUED: nothing sent yet. SENDING: under way. RETRYING: some mails failed and are tried again with growing pauses. ' +
    'DONE: every mail sent or failed for good (failed ones are listed and retryFailedMail queues them again)',
});

@ObjectType('MailFailure', { description: "A mail of a batch that failed: being retried (state QUEUED) or for good (FAILED, BOUNCED)" })
export class MailFailure {
  @Field(() => ID)
  invitationId: string;

  @Field(() => ID)
  contactId: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  state: MailFailureRow['state'];

  @Field(() => Int, { description: 'Times sending it failed' })
  attempts: number;

  @Field(() => String, { nullable: true, description: "The mail server's last error" })
  error: string | null;
}

@ObjectType('MailBatch', { description: "A wave's invitations, reminders or retried mails, sent by a background job; its counts move while it runs" })
export class MailBatch {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  waveId: string;

  @Field(() => MAIL_BATCH_KINDS)
  kind: MailBatchKind;

  @Field(() => MAIL_BATCH_STATES)
  state: MailBatchState;

  @Field(() => Int, { description: 'Mails the batch sends' })
  total: number;

  @Field(() => Int, { description: 'Not sent yet: total − sent − failed − bounced' })
  queued: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int, { description: 'Failed for good after every retry' })
  failed: number;

  @Field(() => Int)
  bounced: number;

  @Field(() => Int, { description: 'Queued mails that failed at least once and are tried again' })
  retrying: number;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  finishedAt: Date | null;

  static from(p: MailBatchProgress): MailBatch {
    const queued = Math.max(0, p.total - p.sent - p.failed - p.bounced);
    const state: MailBatchState = p.finishedAt ? 'DONE' : p.retrying > 0 ? 'RETRYING' : p.sent + p.failed + p.bounced > 0 ? 'SENDING' : 'QUEUED';
    return Object.assign(new MailBatch(), { ...p, queued, state });
  }
}
