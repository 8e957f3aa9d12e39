import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kernel/connection.js';
import type { NotificationEntity } from './notification.entity.js';

@ObjectType('NotificationMailSetting')
export class NotificationMailSetting {
  @Field(() => String, { description: 'FOLLOW_UP_ASSIGNED, FOLLOW_UP_ESCALATED, DIGEST, TEAM_PACK, ACTION_REMINDER, PROGRAMME_NEWS' })
  kind: string;

  @Field(() => Boolean)
  enabled: boolean;
}

@ObjectType('NotificationPreferences', { description: "The caller's choices of what Tandem tells them, and how" })
export class NotificationPreferencesType {
  @Field(() => [NotificationMailSetting], { description: 'Every mail kind, on or off' })
  mails: NotificationMailSetting[];

  @Field(() => String, { description: 'NEVER (the default: digests are opt-in), DAILY or WEEKLY' })
  digestFrequency: string;

  @Field(() => String, { description: "The language of Tandem's mails to the caller (the user's language)" })
  language: string;
}

@InputType('NotificationMailSettingInput')
export class NotificationMailSettingInput {
  @Field(() => String, { description: 'FOLLOW_UP_ASSIGNED, FOLLOW_UP_ESCALATED, DIGEST, TEAM_PACK, ACTION_REMINDER or PROGRAMME_NEWS' })
  kind: string;

  @Field(() => Boolean)
  enabled: boolean;
}

@InputType('NotificationPreferencesInput', { description: 'Fields left out stay as they are' })
export class NotificationPreferencesInput {
  @Field(() => [NotificationMailSettingInput], { nullable: true, description: 'Mail kinds to turn on or off; kinds left out stay as they are' })
  mails?: NotificationMailSettingInput[] | null;

  @Field(() => String, { nullable: true, description: 'NEVER, DAILY or WEEKLY' })
  digestFrequency?: string | null;

  @Field(() => String, { nullable: true, description: 'en, pl, da, ru or sl' })
  language?: string | null;
}

@ObjectType('Notification', { description: 'Something the caller was told' })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'FOLLOW_UP_ASSIGNED (a new detractor is yours), FOLLOW_UP_ESCALATED (a follow-up passed its SLA), WEBHOOK_DISABLED, THANK_YOU (a promoter you served), TEAM_PACK (a closed wave\'s pack of your team is ready)' })
  kind: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => ID, { nullable: true })
  followUpId: string | null;

  @Field(() => String, { nullable: true, description: "The contact's name when it was made" })
  contactName: string | null;

  @Field(() => Int, { nullable: true })
  score: number | null;

  @Field(() => String, { nullable: true, description: "The customer's comment (the answer's reason)" })
  comment: string | null;

  @Field(() => String, { nullable: true })
  waveName: string | null;

  @Field(() => String, { nullable: true, description: "Escalations: the follow-up's owner" })
  ownerName: string | null;

  @Field(() => String, { description: 'Where it leads in the web app, e.g. /follow-ups/<id>' })
  link: string;

  static from(row: NotificationEntity): NotificationType {
    const d = row.data ?? {};
    return Object.assign(new NotificationType(), {
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      readAt: row.readAt,
      followUpId: d.followUpId ?? null,
      contactName: d.contactName ?? null,
      score: d.score ?? null,
      comment: d.comment ?? null,
      waveName: d.waveName ?? null,
      ownerName: d.ownerName ?? null,
      link: d.link ?? (d.followUpId ? `/follow-ups/${d.followUpId}` : '/'),
    });
  }
}

export const NotificationConnection = ConnectionType('Notification', NotificationType);
