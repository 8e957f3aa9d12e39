import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { hasAnyRole, ROSTER_KEEPERS, type Role } from '../../kernel/policies.js';

/**
 * What was erased, for integrators' incremental sync (deletedSince): the kind and id of a record
 * and when it went, nothing else.
 * - CONTACT: an erased contact (survey/privacy/contact-erasure.ts). Whoever keeps or reads contacts
 *   and answers learns of it.
 * - EMPLOYEE: an erased employee's roster record (survey/privacy/employee-erasure.ts): the id the
 *   roster (`employees`) listed, so a system that copied the roster deletes its copy. Only the
 *   roster's readers (HR, ADMIN) learn of it. Nothing in it links to answers: employee answers
 *   share no key with anyone (docs/anonymity.md), the participations no longer hold the id, and
 *   the moment is the erasure's, not an answer's.
 */
export type DeletedKind = 'CONTACT' | 'EMPLOYEE';

@ObjectType('DeletedRecord', { description: 'Something erased: its kind (CONTACT, or EMPLOYEE for HR and admins), id and when' })
export class DeletedRecord {
  @Field(() => String, { description: 'CONTACT (a contact) or EMPLOYEE (a roster record; only HR and admins see these)' })
  kind: string;

  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  deletedAt: Date;
}

/** Records an erasure in the caller's transaction (once per record). */
export async function recordDeletion(tx: EntityManager, organizationId: string, kind: DeletedKind, id: string, at: Date): Promise<void> {
  await tx.query(`INSERT INTO deleted_records (organization_id, kind, record_id, deleted_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [organizationId, kind, id, at]);
}

/** The roles that read contacts and answers, who learn of erased contacts (DELETION_READERS less HR). */
const CONTACT_SIDE: readonly Role[] = ['ADMIN', 'CX', 'MANAGER', 'LEADER'];

/** The kinds a caller may learn of: contacts for the contact side (API clients included), employees for the roster's readers. */
export function kindsFor(ctx: Context): DeletedKind[] {
  const principal = ctx.principal;
  if (!principal) return [];
  if (principal.kind === 'api') return ['CONTACT'];
  const kinds: DeletedKind[] = [];
  if (hasAnyRole(principal, CONTACT_SIDE)) kinds.push('CONTACT');
  if (hasAnyRole(principal, ROSTER_KEEPERS as readonly Role[])) kinds.push('EMPLOYEE');
  return kinds;
}

/** What was erased at or after a moment, oldest first (at most 10,000 at a time: ask again from the last deletedAt). */
export async function deletedSince(ctx: Context, since: Date): Promise<DeletedRecord[]> {
  const organizationId = orgOf(ctx);
  const kinds = kindsFor(ctx);
  if (kinds.length === 0) return [];
  const rows: { kind: string; id: string; deleted_at: Date }[] = await ctx.db.query(
    `SELECT kind, record_id AS id, deleted_at FROM deleted_records
      WHERE organization_id = $1 AND deleted_at >= $2 AND kind = ANY($3::text[])
      ORDER BY deleted_at, record_id LIMIT 10000`,
    [organizationId, since, kinds],
  );
  return rows.map((r) => Object.assign(new DeletedRecord(), { kind: r.kind, id: r.id, deletedAt: r.deleted_at }));
}
