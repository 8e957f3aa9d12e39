import { In, type EntityManager } from 'typeorm';
import { rowsById } from '../../kernel/batch.js';
import { OrgUnitEntity } from './org-unit.entity.js';

export const orgUnitLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(OrgUnitEntity, { organizationId: org, id: In(ids) }));
