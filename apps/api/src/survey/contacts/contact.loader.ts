import { In, type EntityManager } from 'typeorm';
import { rowsById } from '../../kernel/batch.js';
import { ContactEntity } from './contact.entity.js';

/**
 * Contacts by id, scoped to the organization only. A manager may see only the contacts they own:
 * whoever hands a loaded contact to a manager checks `ownerId` (as getContact does).
 */
export const contactLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(ContactEntity, { organizationId: org, id: In(ids) }));
