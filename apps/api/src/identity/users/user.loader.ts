import { In, type EntityManager } from 'typeorm';
import { rowsById } from '../../kernel/batch.js';
import { UserEntity } from './user.entity.js';

export const userLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(UserEntity, { organizationId: org, id: In(ids) }));
