import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { notFound } from '../../kernel/errors.js';
import { findVisibleContact } from '../contacts/contact.service.js';
import { actorOf } from '../contacts/contact.rules.js';

/**
 * Subject access (GDPR article 15, issue 21): everything Tandem holds about one person, as one JSON
 * document. Internal columns that are not about the person (the organization id, link token
 * hashes) are left out; nothing else is.
 */

const rows = async (ctx: Context, sql: string, params: unknown[]): Promise<unknown[]> =>
  ((await ctx.db.query(sql, params)) as { row: unknown }[]).map((r) => r.row);

/**
 * A contact: their fields, answers (scores, words, ratings), follow-ups of those answers with their
 * notes, transactions, and the mails sent to them (each invitation: its wave, when it was sent,
 * opened, answered, reminded, and its mail state). A manager reads their own contacts only.
 */
export async function contactSubjectAccess(ctx: Context, id: string): Promise<string> {
  const organizationId = orgOf(ctx);
  const contact = await findVisibleContact(ctx.db, actorOf(ctx), id);
  const params = [organizationId, contact.id];
  const [person, answers, followUps, notes, transactions, mails] = await Promise.all([
    rows(ctx, `SELECT to_jsonb(c) - 'organization_id' AS row FROM contacts c WHERE c.organization_id = $1 AND c.id = $2`, params),
    rows(ctx, `SELECT to_jsonb(r) - 'organization_id' || jsonb_build_object('wave', w.name) AS row
                 FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.organization_id = $1 AND r.contact_id = $2 ORDER BY r.submitted_at`, params),
    rows(ctx, `SELECT to_jsonb(f) - 'organization_id' AS row FROM follow_ups f JOIN responses r ON r.id = f.response_id
                WHERE r.organization_id = $1 AND r.contact_id = $2 ORDER BY f.created_at`, params),
    rows(ctx, `SELECT to_jsonb(n) - 'organization_id' AS row FROM follow_up_notes n JOIN follow_ups f ON f.id = n.follow_up_id JOIN responses r ON r.id = f.response_id
                WHERE r.organization_id = $1 AND r.contact_id = $2 ORDER BY n.created_at`, params),
    rows(ctx, `SELECT to_jsonb(t) - 'organization_id' AS row FROM transactions t WHERE t.organization_id = $1 AND t.contact_id = $2 ORDER BY t.occurred_at`, params),
    rows(ctx, `SELECT to_jsonb(i) - 'organization_id' - 'token_hash' || jsonb_build_object('wave', w.name) AS row
                 FROM invitations i JOIN waves w ON w.id = i.wave_id WHERE i.organization_id = $1 AND i.contact_id = $2 ORDER BY i.created_at`, params),
  ]);
  return JSON.stringify({ kind: 'CONTACT', contact: person[0], answers, followUps, followUpNotes: notes, transactions, mails }, null, 2);
}

/**
 * An employee: their roster data, the roster trail about them, and the survey mails sent to them
 * (per wave: invited on, reminded on, how many reminders). Never whether or what they answered:
 * their answers are anonymous and linked to nothing (docs/anonymity.md), and whether they
 * responded is not shown to anyone either.
 */
export async function employeeSubjectAccess(ctx: Context, id: string): Promise<string> {
  const organizationId = orgOf(ctx);
  const params = [organizationId, id];
  const person = isUuid(id)
    ? await rows(ctx, `SELECT to_jsonb(e) - 'organization_id' || jsonb_build_object('orgUnit', u.name) AS row
                         FROM employees e LEFT JOIN org_units u ON u.id = e.org_unit_id WHERE e.organization_id = $1 AND e.id = $2`, params)
    : [];
  if (person.length === 0) throw notFound('Employee');
  const [changes, mails] = await Promise.all([
    rows(ctx, `SELECT jsonb_build_object('kind', c.kind, 'at', c.at, 'orgUnit', u.name) AS row
                 FROM roster_changes c LEFT JOIN org_units u ON u.id = c.org_unit_id WHERE c.organization_id = $1 AND c.employee_id = $2 ORDER BY c.id`, params),
    rows(ctx, `SELECT jsonb_build_object('waveId', p.wave_id, 'wave', w.name, 'invitedOn', p.invited_on, 'remindedOn', p.reminded_on, 'reminders', p.reminders) AS row
                 FROM employee_participations p JOIN waves w ON w.id = p.wave_id WHERE p.organization_id = $1 AND p.employee_id = $2 ORDER BY p.invited_on`, params),
  ]);
  return JSON.stringify({ kind: 'EMPLOYEE', employee: person[0], rosterChanges: changes, mails }, null, 2);
}
