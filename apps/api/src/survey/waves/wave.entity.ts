import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIENCES = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const WAVE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];
/** WAVE: a survey run once to a target; TRANSACTIONAL: a programme that stays open, one invitation per transaction (survey/transactions). */
export const WAVE_KINDS = ['WAVE', 'TRANSACTIONAL'] as const;
export type WaveKind = (typeof WAVE_KINDS)[number];

@Entity({ name: 'waves' })
export class WaveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  audience: Audience;

  @Column({ type: 'text', default: 'WAVE' })
  kind: WaveKind;

  /** A transactional programme's touchpoint ("placement", "support case"); null for a wave. */
  @Column({ type: 'text', nullable: true })
  touchpoint: string | null;

  /** Minutes between a transaction and its invitation; null for a wave. */
  @Column({ type: 'int', name: 'send_delay_minutes', nullable: true })
  sendDelayMinutes: number | null;

  @Column({ type: 'text' })
  status: WaveStatus;

  /** Always true for EMPLOYEE waves, false otherwise (a database constraint keeps it so). */
  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ type: 'text', array: true })
  languages: string[];

  /** The survey title respondents see, per language; the internal name never reaches them. */
  @Column({ type: 'jsonb', name: 'public_titles', default: () => "'{}'::jsonb" })
  publicTitles: Record<string, string>;

  @Column({ type: 'timestamptz', name: 'opens_at', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', name: 'closes_at', nullable: true })
  closesAt: Date | null;

  /** The reminder rule: non-respondents are reminded this many days after their last mail… */
  @Column({ type: 'int', name: 'reminder_after_days', nullable: true })
  reminderAfterDays: number | null;

  /** …at most this many times. Both set or neither (a database constraint keeps it so). */
  @Column({ type: 'int', name: 'max_reminders', nullable: true })
  maxReminders: number | null;

  @Column({ type: 'timestamptz', name: 'opened_at', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
