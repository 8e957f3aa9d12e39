import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthSpan, rollupCounts, type CountQuery, type Grouping } from '../src/reporting/base/nps-counts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The rollup is a cache of counts kept by triggers; it must always equal a recount of the answers,
 * for any date range, grouping and attribute. Answers are spread over two years so that ranges cut
 * through months.
 */
let app: TestApp;
let org: string;

beforeAll(async () => {
  app = await startTestApp();
  [{ id: org }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
  // Spread copies of the demo's responses over 24 months (a bulk insert: one trigger call), most
  // with a transaction's attributes, some without each of them.
  await app.db.dataSource.query(
    `INSERT INTO responses (organization_id, wave_id, audience, score, category, language, org_unit_id, owner_id, segments, submitted_at,
                            product, channel, served_by, served_by_name, touchpoint)
     SELECT organization_id, wave_id, audience, (score + g) % 11,
            CASE WHEN (score + g) % 11 >= 9 THEN 'PROMOTER' WHEN (score + g) % 11 >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END,
            language, org_unit_id, owner_id, segments, timestamptz '2025-01-01' + (g * 13 + score) * interval '1 day' + g * interval '37 minutes',
            CASE WHEN g % 3 = 0 THEN NULL ELSE 'p' || (g % 8) END,
            CASE WHEN g % 4 = 0 THEN NULL ELSE (ARRAY['web', 'phone', 'store'])[g % 3 + 1] END,
            CASE WHEN g % 5 = 0 THEN NULL ELSE 'ext:e' || (g % 7) END,
            CASE WHEN g % 5 = 0 THEN NULL ELSE 'Employee ' || (g % 7) END,
            CASE WHEN g % 6 = 0 THEN NULL ELSE (ARRAY['delivery', 'support', 'sale', 'renewal'])[g % 4 + 1] END
       FROM responses, generate_series(1, 50) AS g`,
  );
});
afterAll(() => app?.close());

const RAW_GROUP: Record<Exclude<Grouping, 'attribute'>, string> = {
  none: `''`,
  wave: `wave_id::text`,
  audience: `audience`,
  'audience-month': `audience || '|' || to_char(d, 'YYYY-MM')`,
  day: `to_char(d, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', d), 'IYYY-"W"IW')`,
  month: `to_char(d, 'YYYY-MM')`,
  quarter: `to_char(d, 'YYYY-"Q"Q')`,
};

async function recount(q: CountQuery) {
  const attr = (dim: string) =>
    dim === 'org_unit'
      ? `coalesce(org_unit_id::text, '')`
      : dim === 'owner'
        ? `coalesce(owner_id::text, '')`
        : TRANSACTION.includes(dim)
          ? dim
          : `coalesce(segments ->> '${dim.slice(4)}', '')`;
  const key = q.groupBy === 'attribute' ? attr(q.groupDim!) : RAW_GROUP[q.groupBy];
  const where = [`organization_id = $1`];
  const params: unknown[] = [q.organizationId];
  if (q.from) where.push(`d >= $${params.push(q.from)}::date`);
  if (q.to) where.push(`d <= $${params.push(q.to)}::date`);
  if (q.attribute) where.push(`${attr(q.attribute.dim)} = ANY($${params.push(q.attribute.values)}::text[])`);
  if (q.groupBy === 'attribute' && q.attribute === null) {
    // the rollup lists segment keys only where the response has the key
    if (q.groupDim!.startsWith('seg:')) where.push(`segments ? '${q.groupDim!.slice(4)}'`);
    // and a transaction's attributes only where the response has one
    if (TRANSACTION.includes(q.groupDim!)) where.push(`${q.groupDim} IS NOT NULL`);
  }
  const rows = await app.db.dataSource.query(
    `SELECT ${key} AS key, ${Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE score = ${s})::int AS s${s}`).join(', ')}
       FROM (SELECT *, (submitted_at AT TIME ZONE 'UTC')::date AS d FROM responses) r WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((row: Record<string, unknown>) => ({ key: String(row.key), scores: Array.from({ length: 11 }, (_, s) => Number(row[`s${s}`])) }));
}

const IDENTIFIED = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'] as const;
const TRANSACTION = ['product', 'channel', 'served_by', 'touchpoint'];
const TRANSACTION_VALUES: Record<string, string[]> = { product: ['p1', 'p5'], channel: ['web'], served_by: ['ext:e3'], touchpoint: ['sale', 'support'] };
const dayArb = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2024, 11, 1) + n * 86400000).toISOString().slice(0, 10));

describe('rollupCounts', () => {
  it('equals a recount of the answers for any range, grouping and attribute', async () => {
    const units: { id: string }[] = await app.db.dataSource.query(`SELECT id FROM org_units WHERE organization_id = $1`, [org]);
    await fc.assert(
      fc.asyncProperty(
        fc.option(dayArb, { nil: null }),
        fc.option(dayArb, { nil: null }),
        fc.constantFrom<Grouping>('none', 'wave', 'audience', 'audience-month', 'week', 'month', 'quarter', 'attribute'),
        fc.constantFrom('org_unit', 'seg:region', 'owner', ...TRANSACTION),
        fc.boolean(),
        async (a, b, groupBy, dim, filterByAttribute) => {
          const [from, to] = a && b && a > b ? [b, a] : [a, b];
          const q: CountQuery = {
            organizationId: org,
            audiences: IDENTIFIED,
            waveIds: null,
            from,
            to,
            attribute: filterByAttribute
              ? { dim, values: dim === 'org_unit' ? units.slice(0, 3).map((u) => u.id) : dim === 'seg:region' ? ['EU'] : (TRANSACTION_VALUES[dim] ?? ['']) }
              : null,
            groupBy,
            groupDim: dim,
          };
          const fast = await rollupCounts(app.db.dataSource.manager, q);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(await recount(q));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stays equal to a recount of the transaction attributes after updates and deletes, and to a rebuild', async () => {
    const db = app.db.dataSource;
    await db.query(`UPDATE responses SET product = CASE WHEN product = 'p1' THEN 'p2' ELSE NULL END, served_by = 'ext:moved'
                     WHERE organization_id = $1 AND score = 4 AND submitted_at < timestamptz '2025-04-01T00:00:00Z'`, [org]);
    await db.query(`UPDATE responses SET touchpoint = 'delivery'
                     WHERE organization_id = $1 AND touchpoint IS NULL AND score = 7 AND submitted_at < timestamptz '2025-04-01T00:00:00Z'`, [org]);
    await db.query(`DELETE FROM responses WHERE organization_id = $1 AND channel = 'phone' AND score = 2 AND submitted_at < timestamptz '2025-04-01T00:00:00Z'`, [org]);
    const all = { organizationId: org, audiences: IDENTIFIED, waveIds: null, from: null, to: null, attribute: null, groupBy: 'attribute' as const };
    for (const dim of TRANSACTION) {
      const q: CountQuery = { ...all, groupDim: dim };
      expect(await rollupCounts(db.manager, q)).toEqual(await recount(q));
    }
    const snapshot = () =>
      db.query(
        `SELECT audience, wave_id, grain, period, dim, dim_value, ${Array.from({ length: 11 }, (_, s) => `sum(s${s})::int AS s${s}`).join(', ')}
           FROM nps_rollup WHERE organization_id = $1 GROUP BY 1, 2, 3, 4, 5, 6
         HAVING ${Array.from({ length: 11 }, (_, s) => `sum(s${s}) <> 0`).join(' OR ')} ORDER BY 1, 2, 3, 4, 5, 6`,
        [org],
      );
    const kept = await snapshot();
    expect(kept.some((row: { dim: string }) => row.dim === 'served_by')).toBe(true);
    await db.query(`SELECT nps_rollup_rebuild($1)`, [org]);
    expect(await snapshot()).toEqual(kept);
  }, 180_000);

  it('declines a query that needs two attribute dimensions', async () => {
    const q: CountQuery = { organizationId: org, audiences: IDENTIFIED, waveIds: null, from: null, to: null, attribute: { dim: 'owner', values: [''] }, groupBy: 'attribute', groupDim: 'org_unit' };
    expect(await rollupCounts(app.db.dataSource.manager, q)).toBeNull();
  });

  it('splits a range into whole months and edge days', () => {
    expect(monthSpan('2026-01-15', '2026-04-10')).toEqual({ fullFrom: '2026-02-01', fullTo: '2026-04-01' });
    expect(monthSpan('2026-01-01', '2026-03-31')).toEqual({ fullFrom: '2026-01-01', fullTo: '2026-04-01' });
    expect(monthSpan('2026-01-05', '2026-01-20')).toEqual({ fullFrom: '2026-01-01', fullTo: '2026-01-01' });
    expect(monthSpan('2026-12-01', '2026-12-31')).toEqual({ fullFrom: '2026-12-01', fullTo: '2027-01-01' });
  });
});
