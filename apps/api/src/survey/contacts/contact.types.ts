import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../kernel/connection.js';
import { ContactEntity } from './contact.entity.js';

/** One segment attribute of a contact (and of a response's snapshot): region, product, ... */
@ObjectType('Segment')
export class SegmentType {
  @Field(() => String)
  key: string;

  @Field(() => String)
  value: string;

  /** A contact's segments as a list, sorted by key. */
  static list(segments: Record<string, string>): SegmentType[] {
    return Object.keys(segments)
      .sort()
      .map((key) => Object.assign(new SegmentType(), { key, value: segments[key] }));
  }
}

/** A segment attribute given as input: a contact's segments, and the analytics filters. */
@InputType('SegmentInput')
export class SegmentInput {
  @Field(() => String)
  key: string;

  @Field(() => String)
  value: string;
}

@InputType('ContactInput', {
  description: 'All of a contact. updateContact replaces every field with these values, exactly as createContact sets them.',
})
export class ContactInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'en, pl, da, ru or sl; en when empty' })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: "An active user of the organization; a manager may only name themselves, and empty means the manager" })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => [SegmentInput], { nullable: true, description: 'Keys are normalised to lower snake_case; empty values are left out' })
  segments?: SegmentInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: "The id your system (a CRM) knows the contact by: 1 to 200 characters, unique in the organization. upsertContacts matches by it first and sets it; createContact and updateContact leave it as it is",
  })
  externalId?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The account's annual value in the organization's money (for value-weighted NPS and revenue at risk on the board): 0 to 10,000,000,000, rounded to cents. Left out: the contact keeps its value; null: none",
  })
  annualValue?: number | null;
}

@ObjectType('UpsertError', { description: 'What is wrong with one contact of an upsertContacts batch: its index in the input (from 0) and the field' })
export class UpsertError {
  @Field(() => Int)
  index: number;

  @Field(() => String)
  field: string;

  @Field(() => String)
  message: string;
}

@ObjectType('UpsertContactsResult', { description: 'With any error nothing is written: created and updated are 0 and errors names every bad contact' })
export class UpsertContactsResult {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => [ID], { description: "The contacts' ids, in the order of the input (empty when nothing was written)" })
  ids: string[];

  @Field(() => [UpsertError])
  errors: UpsertError[];
}

@InputType('ContactFilter')
export class ContactFilter {
  @Field(() => String, { nullable: true, description: 'Text found in the name or the email' })
  search?: string | null;

  @Field(() => [ID], { nullable: true })
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  orgUnitIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  unsubscribed?: boolean | null;
}

export const CONTACT_ORDERS = ['NEWEST_FIRST', 'NAME'] as const;
export type ContactOrder = (typeof CONTACT_ORDERS)[number];
export const ContactOrderEnum = Object.fromEntries(CONTACT_ORDERS.map((o) => [o, o])) as { [O in ContactOrder]: O };
registerEnumType(ContactOrderEnum, { name: 'ContactOrder', description: 'NEWEST_FIRST: by creation, newest first (the default). NAME: A–Z.' });

export const ContactConnection = ConnectionType('Contact', ContactEntity);

export { ImportResult, RowError } from '../../platform/csv/import-result.types.js';
