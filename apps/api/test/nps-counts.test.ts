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
  // Spread copies of the demo's responses over 24 months (a bulk insert: one trigger call).
  await app.db.dataSource.query(
    `INSERT INTO responses (organization_id, wave_id, audience, score, category, language, org_unit_id, owner_id, segments, submitted_at)
     SELECT organization_id, wave_id, audience, (score + g) % 11,
            CASE WHEN (score + g) % 11 >= 9 THEN 'PROMOTER' WHEN (score + g) % 11 >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END,
            language, org_unit_id, owner_id, segments, timestamptz '2025-01-01' + (g * 13 + score) * interval '1 day' + g * interval '37 minutes'
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
    dim === 'org_unit' ? `coalesce(org_unit_id::text, '')` : dim === 'owner' ? `coalesce(owner_id::text, '')` : `coalesce(segments ->> '${dim.slice(4)}', '')`;
  const key = q.groupBy === 'attribute' ? attr(q.groupDim!) : RAW_GROUP[q.groupBy];
  const where = [`organization_id = $1`];
  const params: unknown[] = [q.organizationId];
  if (q.from) where.push(`d >= $${params.push(q.from)}::date`);
  if (q.to) where.push(`d <= $${params.push(q.to)}::date`);
  if (q.attribute) where.push(`${attr(q.attribute.dim)} = ANY($${params.push(q.attribute.values)}::text[])`);
  if (q.groupBy === 'attribute' && q.attribute === null) {
    // the rollup lists segment keys only where the response has the key
    if (q.groupDim!.startsWith('seg:')) where.push(`segments ? '${q.groupDim!.slice(4)}'`);
  }
  const rows = await app.db.dataSource.query(
    `SELECT ${key} AS key, ${Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE score = ${s})::int AS s${s}`).join(', ')}
       FROM (SELECT *, (submitted_at AT TIME ZONE 'UTC')::date AS d FROM responses) r WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((row: Record<string, unknown>) => ({ key: String(row.key), scores: Array.from({ length: 11 }, (_, s) => Number(row[`s${s}`])) }));
}

const IDENTIFIED = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'] as const;
const dayArb = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2024, 11, 1) + n * 86400000).toISOString().slice(0, 10));

describe('rollupCounts', () => {
  it('equals a recount of the answers for any range, grouping and attribute', async () => {
    const units: { id: string }[] = await app.db.dataSource.query(`SELECT id FROM org_units WHERE organization_id = $1`, [org]);
    await fc.assert(
      fc.asyncProperty(
        fc.option(dayArb, { nil: null }),
        fc.option(dayArb, { nil: null }),
        fc.constantFrom<Grouping>('none', 'wave', 'audience', 'audience-month', 'week', 'month', 'quarter', 'attribute'),
        fc.constantFrom('org_unit', 'seg:region', 'owner'),
        fc.boolean(),
        async (a, b, groupBy, dim, filterByAttribute) => {
          const [from, to] = a && b && a > b ? [b, a] : [a, b];
          const q: CountQuery = {
            organizationId: org,
            audiences: IDENTIFIED,
            waveIds: null,
            from,
            to,
            attribute: filterByAttribute ? { dim, values: dim === 'org_unit' ? units.slice(0, 3).map((u) => u.id) : dim === 'seg:region' ? ['EU'] : [''] } : null,
            groupBy,
            groupDim: dim,
          };
          const fast = await rollupCounts(app.db.dataSource.manager, q);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(await recount(q));
        },
      ),
      { numRuns: 40 },
    );
  });

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
