import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ADMINS } from '../../kernel/policies.js';
import { auditLog, auditLogCsv } from './audit.service.js';
import { AuditLogFilter, AuditLogPage } from './audit.types.js';

@Resolver()
export class AuditLogResolver {
  @Authorized(...ADMINS)
  @Query(() => AuditLogPage, {
    description:
      "The organization's audit log, newest first: every change by a user or API client, every export and every read of employee results. " +
      'first: 1 to 200 (default 50); after: a page\'s endCursor. BAD_USER_INPUT names the field.',
  })
  auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuditLogPage> {
    return auditLog(ctx, filter, first, after);
  }

  @Authorized(...ADMINS)
  @Query(() => String, { description: 'The audit log the filter selects as CSV text (newest first, at most 50,000 rows; narrow from and to for more)' })
  auditLogCsv(@Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null, @Ctx() ctx: Context): Promise<string> {
    return auditLogCsv(ctx, filter);
  }
}
