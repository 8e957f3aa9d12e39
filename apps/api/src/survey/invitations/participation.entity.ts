import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * That an employee was invited to a wave and whether they answered: nothing about the answer,
 * no time finer than a date. Never exposed through the API one by one.
 */
@Entity({ name: 'employee_participations' })
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'uuid', name: 'employee_id' })
  employeeId: string;

  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'boolean' })
  responded: boolean;

  @Column({ type: 'date', name: 'invited_on' })
  invitedOn: string;

  @Column({ type: 'date', name: 'reminded_on', nullable: true })
  remindedOn: string | null;

  @Column({ type: 'int' })
  reminders: number;

  /** The wave's snapshot of the person at invitation: roster changes later do not touch it. */
  @Column({ type: 'uuid', name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', name: 'tenure_band', nullable: true })
  tenureBand: string | null;
}
