import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Something a user is told in the app (and, by their preferences, by mail). */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text' })
  kind: string;

  /** Telling the same thing twice (a retried job) finds this key and does nothing. */
  @Column({ type: 'text', name: 'dedupe_key' })
  dedupeKey: string;

  @Column({ type: 'jsonb' })
  data: NotificationData;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;
}

/** What a notification shows: a snapshot taken when it was made, so the list needs no other table. */
export interface NotificationData {
  followUpId?: string;
  /** Thank-yous: the promoter's answer. */
  responseId?: string;
  waveId?: string;
  waveName?: string;
  contactName?: string | null;
  score?: number | null;
  comment?: string | null;
  dueAt?: string;
  /** Escalations: the follow-up's owner, who did not react in time. */
  ownerName?: string | null;
  /** Where the notification leads in the web app, when not to a follow-up. */
  link?: string;
  /** Team packs: the unit whose pack the link opens, and the manager's own team when it folds into it. */
  teamName?: string;
  foldedFromName?: string | null;
}

/** A user's choices; a user without a row has everything on. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferencesEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** The mail kinds turned off (notification-kinds.ts): a kind added later is on until turned off. */
  @Column({ type: 'text', name: 'mails_off', array: true })
  mailsOff: string[];

  @Column({ type: 'text', name: 'digest_frequency' })
  digestFrequency: string;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
