/** npsSummary filtered by one segment, beside a filtered count over the responses. */
import { COUNTS_SQL, sameCounts, type Counts, type Scenario, type Summary } from './scenario.js';

export const summaryRegionEu: Scenario = {
  name: 'npsSummary (region EU)',
  field: 'npsSummary',
  args: { filter: { segments: [{ key: 'region', value: 'EU' }] } },
  sql: `SELECT ${COUNTS_SQL} FROM responses r WHERE r.organization_id = $1 AND r.segments ->> 'region' = 'EU'`,
  compare(data, rows) {
    const s = data as Summary;
    if (s?.suppressed) return { exact: null, note: 'suppressed' };
    return { exact: sameCounts(s, rows[0] as unknown as Counts) };
  },
};
