import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const FOLLOW_UP_STATUSES = ['OPEN', 'CONTACTED', 'RESOLVED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The first reaction to a detractor: owned by the contact's owner, due within the SLA. */
@Entity({ name: 'follow_ups' })
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'response_id' })
  responseId: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'uuid', name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column({ type: 'text' })
  status: FollowUpStatus;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt: Date;

  @Column({ type: 'timestamptz', name: 'contacted_at', nullable: true })
  contactedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  /** When the SLA passed unresolved (marked by its schedule; follow-up-sla.ts). */
  @Column({ type: 'timestamptz', name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  @Column({ type: 'timestamptz', name: 'escalated_at', nullable: true })
  escalatedAt: Date | null;

  /** The CX users told when it was escalated. */
  @Column({ type: 'uuid', name: 'escalated_to', array: true, default: () => "'{}'" })
  escalatedTo: string[];

  /** The org unit whose CX users were told; null when the organization's were (no unit up the tree had any). */
  @Column({ type: 'uuid', name: 'escalated_unit_id', nullable: true })
  escalatedUnitId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  /** Kept by the database (a trigger on every update; see the SyncTimestamps migration). */
  @Column({ type: 'timestamptz', name: 'updated_at', insert: false, update: false })
  updatedAt: Date;
}

@Entity({ name: 'follow_up_notes' })
export class FollowUpNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'follow_up_id' })
  followUpId: string;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId: string | null;

  /** Set when an API client (scope responses:write) wrote the note; authorId is then null. */
  @Column({ type: 'uuid', name: 'api_client_id', nullable: true })
  apiClientId: string | null;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
