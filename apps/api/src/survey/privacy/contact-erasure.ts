import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { scrubNotificationsAbout } from '../../identity/notifications/notification.service.js';
import { findVisibleContact } from '../contacts/contact.service.js';
import { actorOf } from '../contacts/contact.rules.js';
import { eraseNotesOf } from '../follow-ups/follow-up.service.js';
import { eraseWordsOf } from '../responses/response.service.js';
import { publish } from '../../platform/events/outbox.js';
import { recordDeletion } from './deleted-records.js';

/**
 * Erasing a contact on request (issue 18; GDPR's right to erasure). In one transaction:
 * - the contact's answers lose their words (reason, suggestion) and their link to the contact, and
 *   keep score, category, wave, unit and segments: every NPS, rollup and board stays exact;
 * - their follow-ups lose their notes (status and times stay, for the SLA figures), and the in-app
 *   notifications about them the contact's name and comment;
 * - the contact and its invitations (their link tokens) are deleted;
 * - the id is recorded in deleted_records, so integrators' syncs learn of it (deletedSince);
 * - a contact.erased event tells the consumers: webhook deliveries already written lose the
 *   comment, suggestion and contact id (integrations/webhooks), and endpoints that take
 *   CONTACT_ERASED learn which contact and answers to forget.
 * Then the mail outbox's files of its invitations go. A manager erases only their own contacts.
 */
export async function eraseContact(ctx: Context, id: string): Promise<boolean> {
  const actor = actorOf(ctx);
  const organizationId = orgOf(ctx);
  const invitationIds = await ctx.db.transaction(async (tx) => {
    const contact = await findVisibleContact(tx, actor, id);
    const responseIds = await eraseWordsOf(tx, organizationId, contact.id);
    const followUpIds = await eraseNotesOf(tx, organizationId, responseIds);
    await scrubNotificationsAbout(tx, organizationId, followUpIds, responseIds);
    const invitations: { id: string }[] = await tx.query(`SELECT id FROM invitations WHERE organization_id = $1 AND contact_id = $2`, [organizationId, contact.id]);
    await tx.query(`DELETE FROM contacts WHERE organization_id = $1 AND id = $2`, [organizationId, contact.id]);
    await recordDeletion(tx, organizationId, 'CONTACT', contact.id, ctx.app.now());
    await publish(tx, { type: 'contact.erased', organizationId, payload: { contactId: contact.id, responseIds } });
    return invitations.map((i) => i.id);
  });
  const files = await ctx.app.mailer.forget(invitationIds.map((i) => `${i}-`));
  ctx.logger.info({ event: 'contact.erased', invitations: invitationIds.length, mailsForgotten: files }, 'contact erased');
  return true;
}
