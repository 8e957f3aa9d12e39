import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NpsCategory } from '@tandem/nps-core';
import type { Audience } from '../waves/wave.entity.js';

export interface RatingAnswer {
  criterion: string;
  value: number;
}

/**
 * An identified answer (CUSTOMER, CANDIDATE, ASSOCIATE). Org unit, owner and segments are copied
 * from the contact at answer time, so later moves in the org chart do not rewrite history.
 * Employee answers never live here.
 */
@Entity({ name: 'responses' })
export class ResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'text' })
  audience: Audience;

  @Column({ type: 'uuid', name: 'invitation_id', nullable: true })
  invitationId: string | null;

  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId: string | null;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text' })
  category: NpsCategory;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  suggestion: string | null;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'jsonb' })
  ratings: RatingAnswer[];

  @Column({ type: 'uuid', name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'uuid', name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column({ type: 'jsonb' })
  segments: Record<string, string>;

  /** Set when the answer came from a transactional programme: the transaction and its attributes. */
  @Column({ type: 'uuid', name: 'transaction_id', nullable: true })
  transactionId: string | null;

  @Column({ type: 'text', nullable: true })
  touchpoint: string | null;

  @Column({ type: 'text', nullable: true })
  product: string | null;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** Who served the customer: `user:<uuid>` or `ext:<external id>`. */
  @Column({ type: 'text', name: 'served_by', nullable: true })
  servedBy: string | null;

  @Column({ type: 'text', name: 'served_by_name', nullable: true })
  servedByName: string | null;

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt: Date;

  /** Kept by the database (a trigger on every update; see the SyncTimestamps migration). */
  @Column({ type: 'timestamptz', name: 'updated_at', insert: false, update: false })
  updatedAt: Date;
}
