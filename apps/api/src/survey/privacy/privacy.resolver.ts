import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../kernel/context.js';
import { CONTACT_KEEPERS, DELETION_READERS } from '../../kernel/policies.js';
import { DeletedRecord, deletedSince, eraseContact } from './contact-erasure.js';

@Resolver()
export class PrivacyResolver {
  @Authorized(...CONTACT_KEEPERS)
  @Mutation(() => Boolean, {
    description:
      "Erase a contact (a GDPR request): the contact, its invitations and mails are deleted, its answers lose their words and their link to it " +
      'and keep their scores (every aggregate stays exact), its follow-ups lose their notes; deletedSince lists the id. NOT_FOUND for an unknown id ' +
      "or, for a manager, another owner's contact.",
  })
  deleteContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return eraseContact(ctx, id);
  }

  @Authorized(...DELETION_READERS)
  @Query(() => [DeletedRecord], { description: 'What was erased at or after a moment, oldest first, at most 10,000: an incremental sync deletes its copies' })
  deletedSince(@Arg('since', () => DateTimeResolver) since: Date, @Ctx() ctx: Context): Promise<DeletedRecord[]> {
    return deletedSince(ctx, since);
  }
}
