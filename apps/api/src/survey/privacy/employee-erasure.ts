import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { notFound } from '../../kernel/errors.js';
import { recordDeletion } from './deleted-records.js';

/**
 * Erasing an employee on request (issue 21; GDPR's right to erasure). What Tandem holds about an
 * employee by name is roster data and mail: their answers to employee surveys are anonymous and
 * linked to nothing (docs/anonymity.md), so they stay, and so do the releases made from them. In
 * one transaction:
 * - their wave participations stay, without them: the employee id goes, and the link token's hash
 *   is replaced by one no link can match (a link not yet used stops working). The snapshot (unit,
 *   location, tenure band at invitation) and responded yes/no stay, so every invited and responded
 *   count, every participation row and every release still to be made stays exact;
 * - their roster trail (roster_changes) stays without them, so the arrivals shown to teams stay;
 * - the employee row (email, name, language, unit, location, tenure band) is deleted;
 * - its id is recorded in deleted_records as EMPLOYEE, so a system that copied the roster learns of
 *   it (deletedSince, for HR and admins): the roster record's id and when, nothing about answers.
 * Then the outbox's files of the mails to them go (their survey invitations and reminders).
 */
export async function eraseEmployee(ctx: Context, id: string): Promise<boolean> {
  const organizationId = orgOf(ctx);
  const email = await ctx.db.transaction(async (tx) => {
    const found: { email: string }[] = isUuid(id) ? await tx.query(`SELECT email FROM employees WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, id]) : [];
    if (found.length === 0) throw notFound('Employee');
    await tx.query(
      `UPDATE employee_participations SET employee_id = NULL, token_hash = 'erased:' || id::text WHERE organization_id = $1 AND employee_id = $2`,
      [organizationId, id],
    );
    await tx.query(`UPDATE roster_changes SET employee_id = NULL WHERE organization_id = $1 AND employee_id = $2`, [organizationId, id]);
    await tx.query(`DELETE FROM employees WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
    await recordDeletion(tx, organizationId, 'EMPLOYEE', id, ctx.app.now());
    return found[0].email;
  });
  const files = (await ctx.app.mailer.forgetRecipient?.(email)) ?? 0;
  ctx.logger.info({ event: 'employee.erased', mailsForgotten: files }, 'employee erased');
  return true;
}
