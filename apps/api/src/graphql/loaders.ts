import type { EntityManager } from 'typeorm';
import { orgUnitLoader } from '../features/org-units/org-unit.loader.js';
import { userLoader } from '../features/users/user.loader.js';

/**
 * The DataLoaders of one request. Each is scoped to the caller's organization, so a loader can
 * never hand out another organization's row; without a caller every loader finds nothing.
 */
export function createLoaders(db: EntityManager, organizationId: string | null) {
  return {
    orgUnit: orgUnitLoader(db, organizationId),
    user: userLoader(db, organizationId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
