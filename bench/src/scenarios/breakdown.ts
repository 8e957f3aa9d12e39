/** npsBreakdown by org unit (each unit with its subtree) and by a segment, beside grouped scans. */
import { compareGroups, COUNTS_SQL, type Scenario } from './scenario.js';

export const breakdownByOrgUnit: Scenario = {
  name: 'npsBreakdown by ORG_UNIT',
  field: 'npsBreakdown',
  args: { filter: {}, by: 'ORG_UNIT' },
  // Each unit with its whole subtree: one scan grouped by unit, rolled up over the tree.
  sql: `WITH RECURSIVE tree(ancestor, id) AS (
          SELECT id, id FROM org_units WHERE organization_id = $1
          UNION ALL
          SELECT t.ancestor, u.id FROM tree t JOIN org_units u ON u.parent_id = t.id
        ),
        per_unit AS (SELECT org_unit_id, ${COUNTS_SQL} FROM responses WHERE organization_id = $1 GROUP BY 1)
        SELECT t.ancestor::text AS key, min(u.name) AS label, sum(p.responses)::int AS responses, sum(p.promoters)::int AS promoters,
               sum(p.passives)::int AS passives, sum(p.detractors)::int AS detractors
          FROM tree t JOIN per_unit p ON p.org_unit_id = t.id JOIN org_units u ON u.id = t.ancestor
         GROUP BY 1`,
  compare: (data, rows) => compareGroups(data as never, rows),
};

export const breakdownBySegmentRegion: Scenario = {
  name: 'npsBreakdown by SEGMENT region',
  field: 'npsBreakdown',
  args: { filter: {}, by: 'SEGMENT', segmentKey: 'region' },
  sql: `SELECT r.segments ->> 'region' AS key, ${COUNTS_SQL} FROM responses r WHERE r.organization_id = $1 GROUP BY 1`,
  compare: (data, rows) => compareGroups(data as never, rows),
};

/** A transaction's attribute (issue 19): answers without one are in no group, as the API lists them. */
const byTransactionAttribute = (by: string, column: string): Scenario => ({
  name: `npsBreakdown by ${by}`,
  field: 'npsBreakdown',
  args: { filter: {}, by },
  sql: `SELECT r.${column} AS key, ${COUNTS_SQL} FROM responses r WHERE r.organization_id = $1 AND r.${column} IS NOT NULL GROUP BY 1`,
  compare: (data, rows) => compareGroups(data as never, rows),
});

export const breakdownByProduct = byTransactionAttribute('PRODUCT', 'product');
export const breakdownByServedBy = byTransactionAttribute('SERVED_BY', 'served_by');
