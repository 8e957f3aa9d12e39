import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ImprovementStatus } from './improvement.enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';

/** An initiative logged because of feedback (migration ClosedLoop). Every column is read by the service only. */
@Entity({ name: 'improvements' })
export class ImprovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  /** The title per language, shown in the reader's language; the original title otherwise. */
  @Column({ type: 'jsonb', name: 'title_translations', default: () => "'{}'::jsonb" })
  titleTranslations: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  status: ImprovementStatus;

  @Column({ type: 'uuid', name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'text', nullable: true })
  audience: Audience | null;

  /** A calendar day, 'YYYY-MM-DD' as PostgreSQL returns it. */
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'timestamptz', name: 'implemented_at', nullable: true })
  implementedAt: Date | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

/** One status change: who, when, from what to what, and why. Creation is null → PROPOSED. */
@Entity({ name: 'improvement_events' })
export class ImprovementEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'improvement_id' })
  improvementId: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text', name: 'from_status', nullable: true })
  fromStatus: ImprovementStatus | null;

  @Column({ type: 'text', name: 'to_status' })
  toStatus: ImprovementStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', name: 'by_id', nullable: true })
  byId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}

@Entity({ name: 'improvement_responses' })
export class ImprovementResponseEntity {
  @PrimaryColumn({ type: 'uuid', name: 'improvement_id' })
  improvementId: string;

  @PrimaryColumn({ type: 'uuid', name: 'response_id' })
  responseId: string;
}

@Entity({ name: 'improvement_follow_ups' })
export class ImprovementFollowUpEntity {
  @PrimaryColumn({ type: 'uuid', name: 'improvement_id' })
  improvementId: string;

  @PrimaryColumn({ type: 'uuid', name: 'follow_up_id' })
  followUpId: string;
}

@Entity({ name: 'improvement_themes' })
export class ImprovementThemeEntity {
  @PrimaryColumn({ type: 'uuid', name: 'improvement_id' })
  improvementId: string;

  @PrimaryColumn({ type: 'uuid', name: 'theme_id' })
  themeId: string;
}

/** A wave as a whole, or one org unit of it: how employee feedback is linked (never one answer). */
@Entity({ name: 'improvement_waves' })
export class ImprovementWaveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'improvement_id' })
  improvementId: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'uuid', name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;
}
