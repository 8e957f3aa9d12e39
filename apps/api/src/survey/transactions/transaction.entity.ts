import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const TRANSACTION_STATUSES = ['SCHEDULED', 'SENT', 'SKIPPED'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/**
 * Why a transaction's invitation was not sent: the contact unsubscribed, was invited within the
 * organization's throttle window (or has another transaction waiting), or the programme closed
 * before the send time.
 */
export const SKIP_REASONS = ['UNSUBSCRIBED', 'THROTTLED', 'PROGRAMME_CLOSED'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** One transaction an integrator reported to a transactional programme, and what became of its invitation. */
@Entity({ name: 'transactions' })
export class TransactionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** The programme (a wave of kind TRANSACTIONAL). */
  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  /** The integrator's own transaction id: the idempotency key within the programme. */
  @Column({ type: 'text', name: 'external_id' })
  externalId: string;

  @Column({ type: 'uuid', name: 'contact_id' })
  contactId: string;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt: Date;

  @Column({ type: 'text', nullable: true })
  product: string | null;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** `user:<uuid>` or `ext:<external id>`, as on responses. */
  @Column({ type: 'text', name: 'served_by', nullable: true })
  servedBy: string | null;

  @Column({ type: 'text', name: 'served_by_name', nullable: true })
  servedByName: string | null;

  @Column({ type: 'timestamptz', name: 'send_at' })
  sendAt: Date;

  @Column({ type: 'text' })
  status: TransactionStatus;

  @Column({ type: 'text', name: 'skip_reason', nullable: true })
  skipReason: SkipReason | null;

  @Column({ type: 'uuid', name: 'invitation_id', nullable: true })
  invitationId: string | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
