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
