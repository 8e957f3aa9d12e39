import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';

/**
 * Someone surveyed in identified waves: a customer, a candidate or a placed associate. Every
 * column is public, so it doubles as the API type; owner, orgUnit, segments and unsubscribed are
 * field resolvers (contact.resolver.ts).
 */
@Entity({ name: 'contacts' })
@ObjectType('Contact')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** Stored lower-case; unique within the organization. */
  @Column({ type: 'text' })
  @Field(() => String)
  email: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name: string;

  /** The id an integrator's system (a CRM) knows the contact by; unique within the organization. */
  @Column({ type: 'text', name: 'external_id', nullable: true })
  @Field(() => String, { nullable: true, description: "The id an integrator's system (a CRM) knows the contact by (upsertContacts)" })
  externalId: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The language invitations and the survey page use: en, pl, da, ru or sl' })
  language: string;

  /** The manager responsible: gets this contact's follow-ups. */
  @Column({ type: 'uuid', name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  /** Segment attributes: region, business_area, product, and any custom key. */
  @Column({ type: 'jsonb' })
  segments: Record<string, string>;

  /** The account's annual value (numeric: read as text by the driver, as a number here). */
  @Column({ type: 'numeric', name: 'annual_value', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  @Field(() => Float, { nullable: true, description: "The account's annual value in the organization's money; null when not known" })
  annualValue: number | null;

  @Column({ type: 'timestamptz', name: 'unsubscribed_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the contact unsubscribed; unsubscribed contacts are never invited' })
  unsubscribedAt: Date | null;

  /** Drives the throttle window: not invited again within it. */
  @Column({ type: 'timestamptz', name: 'last_invited_at', nullable: true })
  @Field(() => Date, { nullable: true })
  lastInvitedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
