/**
 * The org units module owns the org_units table, and with it the one statement that walks its tree:
 * other modules that filter by "this unit and everything below it" embed this SELECT instead of
 * writing their own recursion over org_units.
 */
/** The ids of the given org units and all their descendants, as a SELECT over one organization. */
export function subtreeSql(orgParam: string, idsParam: string): string {
  return `
      WITH RECURSIVE subtree(id) AS (
        SELECT id FROM org_units WHERE organization_id = ${orgParam} AND id = ANY(${idsParam}::uuid[])
        UNION
        SELECT u.id FROM org_units u JOIN subtree s ON u.parent_id = s.id WHERE u.organization_id = ${orgParam}
      )
      SELECT id FROM subtree`;
}

/**
 * A unit and the units above it, nearest first, as a SELECT of (id, depth) over one organization:
 * depth 0 is the unit itself, 1 its parent, … (the escalation of a late follow-up climbs it).
 */
export function ancestorsSql(orgParam: string, idParam: string): string {
  return `
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM org_units WHERE organization_id = ${orgParam} AND id = ${idParam}::uuid
        UNION ALL
        SELECT u.id, u.parent_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id
         WHERE u.organization_id = ${orgParam} AND up.depth < 1000
      )
      SELECT id, depth FROM up`;
}
