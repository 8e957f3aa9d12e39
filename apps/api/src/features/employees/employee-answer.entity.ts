import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NpsCategory } from '@tandem/nps-core';
import type { RatingAnswer } from '../responses/response.entity.js';

/**
 * An anonymous employee answer: a random id, the date only, coarse segments copied at answer time.
 * Read only through the anonymity guard, as aggregates; never listed one by one.
 */
@Entity({ name: 'employee_answers' })
export class EmployeeAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'date', name: 'answered_on' })
  answeredOn: string;

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

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', name: 'tenure_band', nullable: true })
  tenureBand: string | null;
}
