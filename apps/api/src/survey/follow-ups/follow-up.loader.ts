import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { byKey, isUuid } from '../../kernel/batch.js';
import { FollowUpEntity, FollowUpNoteEntity } from './follow-up.entity.js';

export type FollowUpNote = FollowUpNoteEntity & { apiClientName: string | null };

/**
 * Each follow-up's notes, oldest first, with the name of the API client that wrote a note: one
 * query per batch (and one for the clients' names when any), scoped to the organization.
 */
export const followUpNotesLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, FollowUpNote[]>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!organizationId || valid.length === 0) return ids.map(() => []);
    const notes = await db
      .createQueryBuilder(FollowUpNoteEntity, 'n')
      .innerJoin(FollowUpEntity, 'f', 'f.id = n.follow_up_id')
      .where('f.organization_id = :organizationId AND n.follow_up_id IN (:...valid)', { organizationId, valid })
      .orderBy('n.created_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
    const clientIds = [...new Set(notes.flatMap((note) => (note.apiClientId ? [note.apiClientId] : [])))];
    const clients: { id: string; name: string }[] = clientIds.length
      ? await db.query(`SELECT id, name FROM api_clients WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, clientIds])
      : [];
    const clientName = new Map(clients.map((client) => [client.id, client.name]));
    const grouped = new Map<string, FollowUpNote[]>();
    for (const entity of notes) {
      const note = Object.assign(entity, { apiClientName: entity.apiClientId ? (clientName.get(entity.apiClientId) ?? null) : null });
      const list = grouped.get(note.followUpId);
      if (list) list.push(note);
      else grouped.set(note.followUpId, [note]);
    }
    return ids.map((id) => grouped.get(id) ?? []);
  });

/** The follow-up of each response id (a response has at most one), scoped to the organization. */
export const followUpByResponseLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, FollowUpEntity | null>(async (responseIds) => {
    const valid = [...new Set(responseIds.filter(isUuid))];
    if (!organizationId || valid.length === 0) return responseIds.map(() => null);
    const rows = await db
      .createQueryBuilder(FollowUpEntity, 'f')
      .where('f.organization_id = :organizationId AND f.response_id IN (:...valid)', { organizationId, valid })
      .getMany();
    return byKey(responseIds, rows, (row) => row.responseId);
  });
