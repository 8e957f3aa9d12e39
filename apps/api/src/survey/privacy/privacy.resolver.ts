import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../kernel/context.js';
import { ADMINS, CONTACT_KEEPERS, DELETION_READERS, ROSTER_KEEPERS } from '../../kernel/policies.js';
import { eraseContact } from './contact-erasure.js';
import { DeletedRecord, deletedSince } from './deleted-records.js';
import { eraseEmployee } from './employee-erasure.js';
import { contactSubjectAccess, employeeSubjectAccess } from './subject-access.js';
import { PrivacySettings, privacySettings, setCommentRetention } from './retention.js';

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

  @Authorized(...ROSTER_KEEPERS)
  @Mutation(() => Boolean, {
    description:
      'Erase an employee (a GDPR request): their roster row and the mails to them are deleted; their wave participations and roster trail stay ' +
      'without them, so every participation count and release stays exact; their anonymous answers were never linked to them and stay. ' +
      'deletedSince lists the id (kind EMPLOYEE, for HR and admins). ' +
      'NOT_FOUND for an unknown id.',
  })
  deleteEmployee(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return eraseEmployee(ctx, id);
  }

  @Authorized('ADMIN', 'CX', 'MANAGER')
  @Query(() => String, {
    description:
      'Subject access: everything held about one contact as a JSON document (fields, answers, follow-ups and notes, transactions, mails sent). ' +
      "NOT_FOUND for an unknown id or, for a manager, another owner's contact.",
  })
  contactSubjectAccess(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return contactSubjectAccess(ctx, id);
  }

  @Authorized(...ROSTER_KEEPERS)
  @Query(() => String, {
    description: 'Subject access: everything held about one employee as a JSON document (roster data, roster trail, survey mails sent); never their answers. NOT_FOUND for an unknown id.',
  })
  employeeSubjectAccess(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return employeeSubjectAccess(ctx, id);
  }

  @Authorized(...ADMINS)
  @Query(() => PrivacySettings, { description: "The organization's retention of identified comments" })
  privacySettings(@Ctx() ctx: Context): Promise<PrivacySettings> {
    return privacySettings(ctx);
  }

  @Authorized(...ADMINS)
  @Mutation(() => PrivacySettings, {
    description:
      'Keep the words of identified answers for this many months (1 to 120), then remove them (scores, categories and accepted themes stay); ' +
      'null keeps them. BAD_USER_INPUT names commentRetentionMonths.',
  })
  setCommentRetention(@Arg('commentRetentionMonths', () => Int, { nullable: true }) months: number | null, @Ctx() ctx: Context): Promise<PrivacySettings> {
    return setCommentRetention(ctx, months ?? null);
  }

  @Authorized(...DELETION_READERS)
  @Query(() => [DeletedRecord], {
    description:
      'What was erased at or after a moment, oldest first, at most 10,000: an incremental sync deletes its copies. ' +
      'Contacts (CONTACT) for those who keep or read contacts and answers; roster records (EMPLOYEE) for HR and admins',
  })
  deletedSince(@Arg('since', () => DateTimeResolver) since: Date, @Ctx() ctx: Context): Promise<DeletedRecord[]> {
    return deletedSince(ctx, since);
  }
}
