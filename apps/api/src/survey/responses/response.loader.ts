import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { rowsById } from '../../kernel/batch.js';
import { ResponseEntity } from './response.entity.js';

/**
 * Responses by id, scoped to the organization only: whoever hands one to a manager checks that
 * the manager owns it (a follow-up's response has the follow-up's owner).
 */
export const responseLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(ResponseEntity, { organizationId: org, id: In(ids) }));

/**
 * When each response last changed: its row's updated_at, or later its themes' (response_touches,
 * kept by a trigger). Keyed by the response; one query per batch.
 */
export const responseUpdatedAtLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<{ id: string; rowUpdatedAt: Date }, Date, string>(
    async (responses) => {
      const rows: { response_id: string; touched_at: Date }[] = organizationId
        ? await db.query(`SELECT response_id, touched_at FROM response_touches WHERE organization_id = $1 AND response_id = ANY($2::uuid[])`, [
            organizationId,
            responses.map((r) => r.id),
          ])
        : [];
      const touched = new Map(rows.map((r) => [r.response_id, r.touched_at]));
      return responses.map((r) => {
        const t = touched.get(r.id);
        return t && t > r.rowUpdatedAt ? t : r.rowUpdatedAt;
      });
    },
    { cacheKeyFn: (r) => r.id },
  );
