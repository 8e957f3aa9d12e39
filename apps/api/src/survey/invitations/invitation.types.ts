import { Field, Int, ObjectType } from 'type-graphql';

/** What inviteToWave did: invitations created, and every contact left out with why. */
@ObjectType('InvitationBatch')
export class InvitationBatch {
  @Field(() => Int, { description: 'Invitations created (their mail is out unless counted in failed)' })
  invited: number;

  @Field(() => Int, { description: 'Contacts not invited: alreadyInvited + throttled + unsubscribed' })
  skipped: number;

  @Field(() => Int, { description: 'Already invited to this wave (one invitation per contact per wave)' })
  alreadyInvited: number;

  @Field(() => Int, { description: "Invited to some wave within the organization's throttle window" })
  throttled: number;

  @Field(() => Int, { description: 'Unsubscribed: never invited' })
  unsubscribed: number;

  @Field(() => Int, { description: 'Invitations created whose mail could not be sent; they stay PENDING and remindWave retries them' })
  failed: number;
}

/** What remindWave did. */
@ObjectType('ReminderBatch')
export class ReminderBatch {
  @Field(() => Int, { description: 'Non-respondents mailed again, each with a new link' })
  reminded: number;

  @Field(() => Int, { description: 'Non-respondents not mailed: unsubscribed + recentlyMailed' })
  skipped: number;

  @Field(() => Int)
  unsubscribed: number;

  @Field(() => Int, { description: "Mailed within the last 24 hours (employee waves: the wave's invitations or reminders already went out today)" })
  recentlyMailed: number;

  @Field(() => Int, { description: 'Mails that could not be sent' })
  failed: number;

  @Field(() => Boolean, {
    description: 'Employee waves of fewer than k invited people: every count is 0, since how many were reminded would tell how many answered',
  })
  countsHidden: boolean;
}
