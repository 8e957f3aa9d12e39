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
  /** IANA time zone of the organization (for dates shown and scheduled work). */
  timeZone?: string;
  /** NPS bands, nps-core's BandDefinition: [{ key, min }] from -100 up. */
  npsBands?: { key: string; min: number }[];
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
