import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Settings an organization can change; absent keys take the product defaults. */
export interface OrganizationSettings {
  /** Anonymity reporting threshold k for employee answers (never below 3). */
  anonymityThreshold?: number;
  /** Days a contact is not surveyed again after an invitation. */
  throttleDays?: number;
  /** Hours within which a detractor gets a first reaction. */
  followUpSlaHours?: number;
  /** Minimum responses for a leaderboard entry to be eligible. */
  leaderboardMinResponses?: number;
}

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'jsonb', default: {} })
  settings: OrganizationSettings;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
