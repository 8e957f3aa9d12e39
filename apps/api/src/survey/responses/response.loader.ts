import { In, type EntityManager } from 'typeorm';
import { rowsById } from '../../kernel/batch.js';
import { ResponseEntity } from './response.entity.js';

/**
 * Responses by id, scoped to the organization only: whoever hands one to a manager checks that
 * the manager owns it (a follow-up's response has the follow-up's owner).
 */
export const responseLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(ResponseEntity, { organizationId: org, id: In(ids) }));
