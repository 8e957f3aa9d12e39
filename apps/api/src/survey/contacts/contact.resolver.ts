import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { UserType } from '../../identity/users/user.type.js';
import { ImportPreview } from '../../platform/csv/import-preview.js';
import { ImportJobType } from '../../platform/imports/import-job.types.js';
import { startContactImport } from './contact-import.js';
import { ContactEntity } from './contact.entity.js';
import * as contacts from './contact.service.js';
import { ContactConnection, ContactFilter, ContactInput, ContactOrderEnum, ImportResult, SegmentType, UpsertContactsResult, type ContactOrder } from './contact.types.js';
import { CONTACT_KEEPERS, CONTACT_SYNCERS } from '../../kernel/policies.js';
import { upsertContacts } from './contact-upsert.js';

/** CX and ADMIN work on every contact, a manager on the contacts they own; HR and LEADER on none. */

@Resolver(() => ContactEntity)
export class ContactResolver {
  @Authorized(...CONTACT_KEEPERS)
  @Query(() => ContactConnection, { description: 'Contacts, newest first or by name; a manager sees only the contacts they own' })
  contacts(
    @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
    @Arg('order', () => ContactOrderEnum, { nullable: true }) order: ContactOrder | null,
  ) {
    return contacts.listContacts(ctx, filter ?? null, { first, after }, order ?? 'NEWEST_FIRST');
  }

  @Authorized(...CONTACT_KEEPERS)
  @Query(() => ContactEntity, { nullable: true, description: "NOT_FOUND for an unknown id, and for a manager another owner's contact" })
  contact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return contacts.getContact(ctx, id);
  }

  @Authorized(...CONTACT_KEEPERS)
  @Mutation(() => ContactEntity, { description: 'CONFLICT on input.email when the organization already has a contact with that email' })
  createContact(@Arg('input', () => ContactInput) input: ContactInput, @Ctx() ctx: Context) {
    return contacts.createContact(ctx, input);
  }

  @Authorized(...CONTACT_KEEPERS)
  @Mutation(() => ContactEntity, { description: 'Replaces every field of the contact with the input' })
  updateContact(@Arg('id', () => ID) id: string, @Arg('input', () => ContactInput) input: ContactInput, @Ctx() ctx: Context) {
    return contacts.updateContact(ctx, id, input);
  }

  @Authorized(...CONTACT_SYNCERS)
  @Mutation(() => UpsertContactsResult, {
    description:
      'Contacts from your system (a CRM), up to 1,000 per call: each is matched by externalId, else by email, and replaces that contact’s fields, ' +
      'or is added. All or nothing: with any bad contact nothing is written and errors names each one by index (from 0) and field. ' +
      'CONFLICT when the batch would give two contacts the same email. CX, admins and API clients with contacts:write.',
  })
  upsertContacts(@Arg('input', () => [ContactInput]) input: ContactInput[], @Ctx() ctx: Context) {
    return upsertContacts(ctx, input);
  }

  @Authorized(...CONTACT_KEEPERS)
  @Mutation(() => ContactEntity, { description: 'The contact is never invited again; unsubscribing twice keeps the first date' })
  unsubscribeContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return contacts.unsubscribeContact(ctx, id);
  }

  @Authorized(...CONTACT_KEEPERS)
  @Mutation(() => ImportResult, {
    description:
      'CSV with a header row: email,name,language,owner_email,org_unit, optionally annual_value (a plain number; without the column each contact keeps its value, an empty cell clears it), then any other column is a segment. ' +
      'Every row is checked first: with any bad row nothing is imported and `errors` lists every bad row (line, column). ' +
      'An email the organization already has updates that contact (upsert). At most 10,000 rows and 5 MB.',
  })
  importContacts(@Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return contacts.importContacts(ctx, csv);
  }

  @Authorized(...CONTACT_KEEPERS)
  @Query(() => ImportPreview, {
    description: 'A dry run of importContacts: the same checks and errors, and the contacts the file would add and update, by name. Writes nothing.',
  })
  previewContactImport(@Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return contacts.previewContactImport(ctx, csv);
  }

  @Authorized(...CONTACT_KEEPERS)
  @Mutation(() => ImportJobType, {
    description:
      'Imports a contacts file uploaded with POST /uploads (up to 50 MB and 200,000 rows) in the background, by the rules of importContacts: ' +
      'every row is checked first, and with any bad row nothing is imported. Poll importJob(id) for its progress. A dry run (dryRun: true) ' +
      'only checks the file and previews who it adds and updates, and leaves the upload for the import. ' +
      'NOT_FOUND (uploadId) for an unknown, expired or anyone else’s upload; CONFLICT (uploadId) when it was imported already.',
  })
  startContactImport(
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    return startContactImport(ctx, uploadId, dryRun);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The manager responsible; gets the follow-ups' })
  async owner(@Root() contact: ContactEntity, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = contact.ownerId ? await ctx.loaders.user.load(contact.ownerId) : null;
    return user ? UserType.from(user) : null;
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() contact: ContactEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> | null {
    return contact.orgUnitId ? ctx.loaders.orgUnit.load(contact.orgUnitId) : null;
  }

  @FieldResolver(() => [SegmentType], { description: 'Sorted by key' })
  segments(@Root() contact: ContactEntity): SegmentType[] {
    return SegmentType.list(contact.segments);
  }

  @FieldResolver(() => Boolean)
  unsubscribed(@Root() contact: ContactEntity): boolean {
    return contact.unsubscribedAt !== null;
  }
}
