import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NpsCounts } from '@tandem/nps-core';
import { rebuildRollups } from '../src/reporting/base/rollups.js';
import { importContacts, INVITE, lastMailTo, openWave, SUBMIT } from './support/surveys.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Answers submitted at the same time keep every aggregate exact: 60 answers sent concurrently over
 * HTTP to one wave of the demo organization, then npsSummary, npsBreakdown and npsTrend (served from
 * the rollup the triggers keep) compared with a full recount over the responses table, and the
 * rollup, the per-wave counts and latest_answers compared with their own rebuild from the tables.
 */
const SUMMARY = 'responses promoters passives detractors';
const N = 60;
const REGIONS = ['EU', 'US', 'CIS'];
const UNITS = ['Sales EU', 'Sales US', 'Customer Service', 'Recruitment'];

let app: TestApp;
let org: string;
let cx: string;
let wave: string;
let before: number;

beforeAll(async () => {
  app = await startTestApp();
  [{ id: org }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
  cx = await app.login('cx@demo.test');
  wave = await openWave(app, cx, { name: 'Concurrent answers' });
  const rows = Array.from({ length: N }, (_, i) => [
    `concurrent-${i}@load.example`,
    `Load ${i}`,
    'en',
    i % 3 === 0 ? '' : 'manager@demo.test',
    UNITS[i % UNITS.length],
    i % 7 === 0 ? '' : REGIONS[i % REGIONS.length],
    'Staffing',
  ]);
  const ids = await importContacts(app, cx, rows);
  const invited = await app.gql(INVITE, { waveId: wave, contactIds: Object.values(ids) }, cx);
  expect(invited.data.inviteToWave.invited).toBe(N);
  [{ n: before }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM responses WHERE organization_id = $1`, [org]);
  const links = rows.map(([email]) => lastMailTo(app, email).token);
  // All at once: the server takes them in parallel (with PostgreSQL, in concurrent transactions).
  const results = await Promise.all(links.map((token, i) => app.gql(SUBMIT, { token, input: { score: (i * 7) % 11, reason: i % 4 ? undefined : 'ok' } })));
  for (const res of results) expect(res.data?.submitResponse?.ok, JSON.stringify(res.errors)).toBe(true);
});
afterAll(() => app?.close());

const COUNTS = `count(*) FILTER (WHERE category = 'PROMOTER')::int AS promoters,
                count(*) FILTER (WHERE category = 'PASSIVE')::int AS passives,
                count(*) FILTER (WHERE category = 'DETRACTOR')::int AS detractors`;

type Row = NpsCounts & { key: string | null };
const counts = (r: NpsCounts | undefined) => ({
  responses: r ? r.promoters + r.passives + r.detractors : 0,
  promoters: r?.promoters ?? 0,
  passives: r?.passives ?? 0,
  detractors: r?.detractors ?? 0,
});

async function recount(select: string, where = 'TRUE', params: unknown[] = []): Promise<Row[]> {
  return app.db.dataSource.query(`SELECT ${select} AS key, ${COUNTS} FROM responses r WHERE r.organization_id = $1 AND ${where} GROUP BY 1`, [org, ...params]);
}

async function ask(query: string, variables: Record<string, unknown>) {
  const res = await app.gql(query, variables, cx);
  expect(res.errors).toBeUndefined();
  return res.data;
}

describe('aggregates after concurrent answers', () => {
  it('stored every answer exactly once', async () => {
    const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM responses WHERE organization_id = $1`, [org]);
    expect(n - before).toBe(N);
    const [{ answered }] = await app.db.dataSource.query(`SELECT count(*)::int AS answered FROM responses WHERE wave_id = $1`, [wave]);
    expect(answered).toBe(N);
  });

  it('gives npsSummary equal to a recount: everything, one segment, one org unit with its subtree', async () => {
    const [sales] = await app.db.dataSource.query(`SELECT id FROM org_units WHERE organization_id = $1 AND name = 'Sales'`, [org]);
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{}, 'TRUE', []],
      [{ segments: [{ key: 'region', value: 'EU' }] }, `r.segments ->> 'region' = 'EU'`, []],
      [
        { orgUnitIds: [sales.id] },
        `r.org_unit_id IN (SELECT id FROM org_units WHERE id = $2 OR parent_id = $2)`,
        [sales.id],
      ],
      [{ waveIds: [wave] }, `r.wave_id = $2`, [wave]],
    ];
    for (const [filter, where, params] of cases) {
      const { npsSummary } = await ask(`query($filter: NpsFilter!) { npsSummary(filter: $filter) { ${SUMMARY} } }`, { filter });
      const [row] = await recount(`''`, where, params);
      expect(npsSummary, JSON.stringify(filter)).toEqual(counts(row));
    }
  });

  it('gives npsBreakdown by org unit (with subtrees), by region and by wave equal to a recount', async () => {
    const BREAKDOWN = `query($by: BreakdownDimension!, $segmentKey: String) { npsBreakdown(filter: {}, by: $by, segmentKey: $segmentKey) { key summary { ${SUMMARY} } } }`;
    const compare = async (variables: Record<string, unknown>, rows: Row[]) => {
      const { npsBreakdown } = await ask(BREAKDOWN, variables);
      const expected = Object.fromEntries(rows.map((r) => [r.key ?? 'unassigned', counts(r)]));
      expect(Object.fromEntries(npsBreakdown.map((g: { key: string; summary: unknown }) => [g.key, g.summary]))).toEqual(expected);
    };
    const subtrees: Row[] = await app.db.dataSource.query(
      `WITH RECURSIVE tree(ancestor, id) AS (
         SELECT id, id FROM org_units WHERE organization_id = $1
         UNION ALL SELECT t.ancestor, u.id FROM tree t JOIN org_units u ON u.parent_id = t.id
       )
       SELECT t.ancestor::text AS key, ${COUNTS} FROM responses r LEFT JOIN tree t ON t.id = r.org_unit_id
        WHERE r.organization_id = $1 GROUP BY 1`,
      [org],
    );
    await compare({ by: 'ORG_UNIT' }, subtrees);
    await compare({ by: 'SEGMENT', segmentKey: 'region' }, await recount(`r.segments ->> 'region'`));
    await compare({ by: 'WAVE' }, await recount(`r.wave_id::text`));
  });

  it('gives npsTrend by month equal to a recount', async () => {
    const { npsTrend } = await ask(`{ npsTrend(filter: {}, interval: MONTH) { period summary { ${SUMMARY} } } }`, {});
    const byMonth = new Map((await recount(`to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM')`)).map((r) => [r.key, counts(r)]));
    for (const point of npsTrend) expect(point.summary, point.period).toEqual(byMonth.get(point.period) ?? counts(undefined));
    expect(npsTrend.filter((p: { summary: { responses: number } }) => p.summary.responses > 0).map((p: { period: string }) => p.period).sort()).toEqual([...byMonth.keys()].sort());
  });

  it('leaves the rollup and the per-wave counts equal to their own rebuild from the tables', async () => {
    const scores = Array.from({ length: 11 }, (_, s) => `sum(s${s})::int AS s${s}`).join(', ');
    const rollup = () =>
      app.db.dataSource.query(
        `SELECT audience, wave_id, grain, period::text, dim, dim_value, ${scores} FROM nps_rollup WHERE organization_id = $1
          GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(${Array.from({ length: 11 }, (_, s) => `s${s}`).join(' + ')}) <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
        [org],
      );
    const waveCounts = () =>
      app.db.dataSource.query(
        `SELECT wave_id, sum(invited)::int AS invited, sum(responded)::int AS responded FROM wave_response_counts WHERE organization_id = $1
          GROUP BY 1 HAVING sum(invited) <> 0 OR sum(responded) <> 0 ORDER BY 1`,
        [org],
      );
    // Each contact's latest answer per quarter and year (revenue at risk), kept by its own triggers.
    const latest = () =>
      app.db.dataSource.query(`SELECT * FROM latest_answers WHERE organization_id = $1 ORDER BY audience, grain, period, contact_id`, [org]);
    const [rollupBefore, countsBefore, latestBefore] = [await rollup(), await waveCounts(), await latest()];
    expect(rollupBefore.length).toBeGreaterThan(0);
    expect(latestBefore.length).toBeGreaterThan(0);
    await rebuildRollups(app.db.dataSource, org);
    expect(await rollup()).toEqual(rollupBefore);
    expect(await waveCounts()).toEqual(countsBefore);
    expect(await latest()).toEqual(latestBefore);
    const [concurrent] = countsBefore.filter((c: { wave_id: string }) => c.wave_id === wave);
    expect(concurrent).toEqual({ wave_id: wave, invited: N, responded: N });
  });
});
