import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const INVITATION_STATUSES = ['PENDING', 'SENT', 'OPENED', 'RESPONDED', 'BOUNCED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** One contact's single-use link to one wave. Only the SHA-256 of the token is stored. */
@Entity({ name: 'invitations' })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'uuid', name: 'contact_id' })
  contactId: string;

  /** Set for a transactional programme's invitation: one per transaction (survey/transactions). */
  @Column({ type: 'uuid', name: 'transaction_id', nullable: true })
  transactionId: string | null;

  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'text' })
  status: InvitationStatus;

  /** SHA-256 of the submission id the answer came with (survey/respondent/submission.ts): a retry of it is answered ok. */
  @Column({ type: 'text', name: 'submission_hash', nullable: true })
  submissionHash: string | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', name: 'opened_at', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column({ type: 'int' })
  reminders: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
