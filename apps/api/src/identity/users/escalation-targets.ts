import type { EntityManager } from 'typeorm';
import { ancestorsSql } from '../org-units/subtree.js';

/**
 * Who steps in when a first reaction is late (issue 17): the active CX users of the nearest org
 * unit, from `unitId` up the tree, that has any; else the organization's active CX users wherever
 * they sit (unitId null); else, so that someone is told, its active admins. One statement.
 */
export async function escalationTargets(db: EntityManager, organizationId: string, unitId: string | null): Promise<{ unitId: string | null; userIds: string[] }> {
  const rows: { unit_id: string | null; user_ids: string[] }[] = await db.query(
    `WITH ladder AS (${ancestorsSql('$1', '$2')}),
     nearest AS (
       SELECT l.id AS unit_id, array_agg(u.id ORDER BY u.name, u.id) AS user_ids, min(l.depth) AS depth
         FROM ladder l JOIN users u ON u.org_unit_id = l.id AND u.organization_id = $1 AND u.active AND 'CX' = ANY(u.roles)
        GROUP BY l.id ORDER BY min(l.depth) LIMIT 1
     )
     SELECT unit_id, user_ids FROM nearest
     UNION ALL
     SELECT NULL, array_agg(u.id ORDER BY u.name, u.id) FROM users u
      WHERE NOT EXISTS (SELECT 1 FROM nearest) AND u.organization_id = $1 AND u.active AND 'CX' = ANY(u.roles)
     HAVING count(*) > 0
     UNION ALL
     SELECT NULL, array_agg(u.id ORDER BY u.name, u.id) FROM users u
      WHERE NOT EXISTS (SELECT 1 FROM nearest)
        AND NOT EXISTS (SELECT 1 FROM users x WHERE x.organization_id = $1 AND x.active AND 'CX' = ANY(x.roles))
        AND u.organization_id = $1 AND u.active AND 'ADMIN' = ANY(u.roles)
     HAVING count(*) > 0`,
    [organizationId, unitId],
  );
  const [first] = rows;
  return first ? { unitId: first.unit_id, userIds: first.user_ids } : { unitId: null, userIds: [] };
}
