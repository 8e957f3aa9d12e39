import type { EntityManager } from 'typeorm';

/**
 * Score counts from the nps_rollup table (migration NpsRollups): what every aggregate reads, so
 * its cost follows the number of groups and periods, not the number of answers.
 *
 * A rollup row carries one attribute dimension ('' = none, 'org_unit', 'owner', 'seg:<key>'), so
 * a query is served here when its filter and its grouping together name at most one attribute
 * dimension; otherwise the functions answer null and the caller scans the answers themselves.
 * Whole months in the date range are read at month grain and the partial months at its edges at
 * day grain.
 *
 * The rollup holds identified responses only (employee results are releases, reporting/anonymity/):
 * `rollupCounts` reads them; its `audiences` are required and typed to the identified audiences,
 * and it throws when handed EMPLOYEE. readers.test.ts scans src/ for any other module naming the
 * nps_rollup table.
 */

export const IDENTIFIED_ROLLUP_AUDIENCES = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'] as const;
export type IdentifiedAudience = (typeof IDENTIFIED_ROLLUP_AUDIENCES)[number];

export type Grouping = 'none' | 'wave' | 'audience' | 'audience-month' | 'day' | 'week' | 'month' | 'quarter' | 'attribute';

interface BaseCountQuery {
  organizationId: string;
  waveIds: readonly string[] | null;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  /** At most one attribute filter; values of org_unit already expanded to subtrees; '' = unassigned. */
  attribute: { dim: string; values: readonly string[] } | null;
  groupBy: Grouping;
  /** The dimension grouped by when groupBy is 'attribute'. */
  groupDim?: string;
}

export interface CountQuery extends BaseCountQuery {
  /** The identified audiences to count (never EMPLOYEE): give every one of them for "all". */
  audiences: readonly IdentifiedAudience[];
}

/** Scores 0..10 counted, per group key. */
export type ScoreCounts = number[];

export interface GroupCounts {
  key: string;
  scores: ScoreCounts;
}

const SUMS = Array.from({ length: 11 }, (_, s) => `sum(s${s})::int AS s${s}`).join(', ');

const GROUP_SQL: Record<Exclude<Grouping, 'attribute'>, string> = {
  none: `''`,
  wave: `wave_id::text`,
  audience: `audience`,
  /** "CUSTOMER|2026-03": one statement for several audiences' months (the board). */
  'audience-month': `audience || '|' || to_char(period, 'YYYY-MM')`,
  day: `to_char(period, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', period), 'IYYY-"W"IW')`,
  month: `to_char(period, 'YYYY-MM')`,
  quarter: `to_char(period, 'YYYY-"Q"Q')`,
};

const isMonthStart = (day: string) => day.endsWith('-01');
function nextMonthStart(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The whole months [fullFrom, fullTo) inside [from, to]; the rest of the range is read by day. */
export function monthSpan(from: string, to: string): { fullFrom: string; fullTo: string } {
  const fullFrom = isMonthStart(from) ? from : nextMonthStart(from);
  const end = dayAfter(to);
  const fullTo = isMonthStart(end) ? end : `${end.slice(0, 7)}-01`;
  return fullFrom < fullTo ? { fullFrom, fullTo } : { fullFrom: fullTo, fullTo };
}

/** Counts of identified responses (audiences CUSTOMER, CANDIDATE, ASSOCIATE), or null (see above). */
export async function rollupCounts(db: EntityManager, q: CountQuery): Promise<GroupCounts[] | null> {
  if (!Array.isArray(q.audiences) || q.audiences.some((a) => !(IDENTIFIED_ROLLUP_AUDIENCES as readonly string[]).includes(a))) {
    throw new Error('rollupCounts reads identified audiences only; employee counts go through the anonymity guard');
  }
  return countsOf(db, q, q.audiences);
}

/**
 * Whether any identified response of the organization (still counted) has the dimension, e.g.
 * 'seg:region': read from the rollup's month rows of that dimension (summed over the writers'
 * shards) instead of a scan of the responses.
 */
export async function identifiedDimensionExists(db: EntityManager, organizationId: string, dim: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM nps_rollup
      WHERE organization_id = $1 AND grain = 'M' AND dim = $2 AND audience = ANY($3::text[])
      GROUP BY audience, wave_id, period, dim_value
     HAVING sum(${Array.from({ length: 11 }, (_, s) => `s${s}`).join(' + ')}) > 0
      LIMIT 1`,
    [organizationId, dim, IDENTIFIED_ROLLUP_AUDIENCES],
  );
  return rows.length > 0;
}

/**
 * The org units with identified answers (still counted) in each of the waves: read from the
 * rollup's month rows of the org_unit dimension, a few per unit and month, not the answers
 * (discussion coverage: loop/discussions/coverage.ts).
 */
export async function answeredUnitsOfWaves(db: EntityManager, organizationId: string, waveIds: readonly string[]): Promise<{ waveId: string; orgUnitId: string }[]> {
  if (waveIds.length === 0) return [];
  const rows: { wave_id: string; org_unit_id: string }[] = await db.query(
    `SELECT wave_id, dim_value AS org_unit_id FROM nps_rollup
      WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) AND audience = ANY($3::text[]) AND grain = 'M' AND dim = 'org_unit' AND dim_value <> ''
      GROUP BY wave_id, dim_value
     HAVING sum(${Array.from({ length: 11 }, (_, s) => `s${s}`).join(' + ')}) > 0`,
    [organizationId, waveIds, IDENTIFIED_ROLLUP_AUDIENCES],
  );
  return rows.map((r) => ({ waveId: r.wave_id, orgUnitId: r.org_unit_id }));
}

/**
 * The values the given dimensions take in the organization's identified answers still counted
 * (of one audience, or all identified ones), A–Z per dimension: read from the rollup's month rows,
 * one statement whatever the number of answers (filter choices: analytics/transaction-values.ts).
 */
export async function identifiedDimensionValues(
  db: EntityManager,
  organizationId: string,
  dims: readonly string[],
  audience: IdentifiedAudience | null,
): Promise<{ dim: string; value: string }[]> {
  return db.query(
    `SELECT dim, dim_value AS value FROM nps_rollup
      WHERE organization_id = $1 AND grain = 'M' AND dim = ANY($2::text[]) AND audience = ANY($3::text[])
      GROUP BY dim, dim_value HAVING sum(${Array.from({ length: 11 }, (_, s) => `s${s}`).join(' + ')}) > 0
      ORDER BY dim, dim_value`,
    [organizationId, dims, audience ? [audience] : IDENTIFIED_ROLLUP_AUDIENCES],
  );
}

async function countsOf(db: EntityManager, q: BaseCountQuery, audiences: readonly string[]): Promise<GroupCounts[] | null> {
  const dims = new Set<string>();
  if (q.attribute) dims.add(q.attribute.dim);
  if (q.groupBy === 'attribute') dims.add(q.groupDim ?? '');
  if (dims.size > 1 || dims.has('')) return null;
  const dim = [...dims][0] ?? '';

  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`organization_id = ${p(q.organizationId)}`, `dim = ${p(dim)}`];
  if (q.attribute) where.push(`dim_value = ANY(${p(q.attribute.values)}::text[])`);
  where.push(`audience = ANY(${p(audiences)}::text[])`);
  if (q.waveIds) where.push(`wave_id = ANY(${p(q.waveIds)}::uuid[])`);

  const from = q.from ?? '0001-01-01';
  const to = q.to ?? '9999-12-30';
  if (q.groupBy === 'day' || q.groupBy === 'week') {
    where.push(`grain = 'D' AND period BETWEEN ${p(from)}::date AND ${p(to)}::date`);
  } else if (q.from === null && q.to === null) {
    where.push(`grain = 'M'`);
  } else {
    const { fullFrom, fullTo } = monthSpan(from, to);
    const [ff, ft] = [p(fullFrom), p(fullTo)];
    const months = `grain = 'M' AND period >= ${ff}::date AND period < ${ft}::date`;
    // A range of whole months (a board's quarter or year) reads month rows only: no day row to skip.
    if (fullFrom === from && fullTo === dayAfter(to)) where.push(months);
    else where.push(`((${months}) OR (grain = 'D' AND period BETWEEN ${p(from)}::date AND ${p(to)}::date AND NOT (period >= ${ff}::date AND period < ${ft}::date)))`);
  }
  const key = q.groupBy === 'attribute' ? 'dim_value' : GROUP_SQL[q.groupBy];
  const rows: Record<string, number | string>[] = await db.query(
    `SELECT ${key} AS key, ${SUMS} FROM nps_rollup WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((row) => ({ key: String(row.key), scores: Array.from({ length: 11 }, (_, s) => Number(row[`s${s}`])) }));
}

/** Promoters, passives and detractors of a score histogram. */
export function categoriesOf(scores: ScoreCounts) {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  scores.forEach((n, score) => {
    if (score >= 9) promoters += n;
    else if (score >= 7) passives += n;
    else detractors += n;
  });
  return { promoters, passives, detractors };
}
