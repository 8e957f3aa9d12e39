import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** A node of an organization's org chart. Every column is public, so it doubles as the API type. */
@Entity({ name: 'org_units' })
@ObjectType('OrgUnit')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  @Field(() => String)
  name: string;

  /** The unit's manager (a user of the organization); resolved by the manager field. */
  @Column({ type: 'uuid', name: 'manager_id', nullable: true })
  managerId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
