import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorize, summarize, type NpsCounts } from '@tandem/nps-core';
import { createOrganization } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * npsBreakdown and npsTrend by a transaction's attributes (issue 19): PRODUCT, CHANNEL, SERVED_BY
 * and TOUCHPOINT, and the NpsFilter's products, channels, servedBy and touchpoints. Every number is
 * checked against a recount of the answers themselves, through the rollup (one attribute
 * dimension) and through the scan (two).
 */
const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!) {
  npsBreakdown(filter: $filter, by: $by) { key label summary { responses promoters passives detractors nps } } }`;
const TREND = `query($filter: NpsFilter!, $interval: TrendInterval!) {
  npsTrend(filter: $filter, interval: $interval) { period summary { responses promoters passives detractors nps } } }`;

const DIMS = { PRODUCT: 'product', CHANNEL: 'channel', SERVED_BY: 'served_by', TOUCHPOINT: 'touchpoint' } as const;
type Dim = keyof typeof DIMS;

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'cx' | 'hr' | 'manager' | 'leader' | 'demoCx', string> = {} as never;
const users: Record<'cx' | 'manager' | 'demo', string> = {} as never;
let customerWave: string;
let employeeWave: string;
let salesUnit: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'transactions', ['ADMIN', 'CX', 'HR', 'MANAGER', 'LEADER']);
  for (const role of ['cx', 'hr', 'manager', 'leader'] as const) tokens[role] = await app.login(org.users[role.toUpperCase()], org.password);
  tokens.demoCx = await app.login('cx@demo.test');
  const found: { email: string; id: string }[] = await db.query(`SELECT email, id FROM users WHERE organization_id = $1`, [org.org.id]);
  users.cx = found.find((u) => u.email === org.users.CX)!.id;
  users.manager = found.find((u) => u.email === org.users.MANAGER)!.id;
  [{ id: users.demo }] = await db.query(`SELECT id FROM users WHERE email = 'cx@demo.test'`);
  [{ id: salesUnit }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, 'Sales') RETURNING id`, [org.org.id, org.unit.id]);

  const create = async (name: string, audience: string, token: string) =>
    (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience } }, token)).data.createWave.id;
  customerWave = await create('Deliveries', 'CUSTOMER', tokens.cx);
  employeeWave = await create('Pulse', 'EMPLOYEE', tokens.hr);

  // 90 answers over six months, each attribute missing on some of them; the serving employee is a
  // user of this organization, one of the demo organization (whose name must not show here), or an
  // external id whose name changed over time.
  const products = ['Mortgage', 'Savings', 'Cards', null];
  const channels = ['web', 'phone', null];
  const touchpoints = ['delivery', 'support', 'sale', 'renewal', null];
  const servers: [string | null, (i: number) => string | null][] = [
    [`user:${users.cx}`, () => 'Stale name of the CX user'],
    [`user:${users.manager}`, () => null],
    ['ext:E-17', (i) => (i < 50 ? 'Eve (before marriage)' : 'Eve Adams')],
    ['ext:E-42', () => null],
    [`user:${users.demo}`, () => 'A guest from elsewhere'],
    [null, () => null],
  ];
  for (let i = 0; i < 90; i++) {
    const score = (i * 7 + 3) % 11;
    const [servedBy, name] = servers[(i * 5) % servers.length];
    await db.query(
      `INSERT INTO responses (organization_id, wave_id, audience, score, category, language, org_unit_id, owner_id, segments, submitted_at,
                              transaction_id, product, channel, served_by, served_by_name, touchpoint)
       VALUES ($1, $2, 'CUSTOMER', $3, $4, 'en', $5, $6, '{}', $7, gen_random_uuid(), $8, $9, $10, $11, $12)`,
      [
        org.org.id,
        customerWave,
        score,
        categorize(score),
        i % 3 === 0 ? salesUnit : org.unit.id,
        i % 2 === 0 ? users.manager : null,
        new Date(Date.UTC(2025, 0, 1, 9) + i * 2 * 86400000),
        products[i % products.length],
        channels[(i * 2) % channels.length],
        servedBy,
        name(i),
        touchpoints[i % touchpoints.length],
      ],
    );
  }
});
afterAll(() => app?.close());

type Counts = { responses: number; promoters: number; passives: number; detractors: number; nps: number | null };

/** The groups a recount of the answers gives, for answers matching `where` (over `r`) with a value of `column`. */
async function recount(column: string, where: string, params: unknown[], organizationId = org.org.id): Promise<Record<string, Counts>> {
  const rows: { key: string; promoters: number; passives: number; detractors: number }[] = await app.db.dataSource.query(
    `SELECT ${column} AS key,
            count(*) FILTER (WHERE r.score >= 9)::int AS promoters,
            count(*) FILTER (WHERE r.score BETWEEN 7 AND 8)::int AS passives,
            count(*) FILTER (WHERE r.score <= 6)::int AS detractors
       FROM responses r WHERE r.organization_id = $1 AND ${column} IS NOT NULL AND ${where} GROUP BY 1`,
    [organizationId, ...params],
  );
  return Object.fromEntries(rows.map((r) => [r.key, counts(r)]));
}

function counts(c: NpsCounts): Counts {
  const s = summarize(c);
  return { responses: s.responses, promoters: c.promoters, passives: c.passives, detractors: c.detractors, nps: s.nps };
}

async function breakdown(filter: Record<string, unknown>, by: Dim, token = tokens.cx) {
  const res = await app.gql(BREAKDOWN, { filter, by }, token);
  expect(res.errors).toBeUndefined();
  return res.data.npsBreakdown as { key: string; label: string; summary: Counts }[];
}

const byKey = (groups: { key: string; summary: Counts }[]) => Object.fromEntries(groups.map((g) => [g.key, g.summary]));

describe('npsBreakdown by a transaction attribute', () => {
  it.each(Object.keys(DIMS) as Dim[])('by %s equals a recount, with no group for answers without one', async (by) => {
    const groups = await breakdown({}, by);
    const expected = await recount(`r.${DIMS[by]}`, 'true', []);
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(byKey(groups)).toEqual(expected);
    expect(groups.some((g) => g.key === 'unassigned')).toBe(false);
  });

  it.each(Object.keys(DIMS) as Dim[])('by %s within an org unit and a date range (a scan) equals a recount', async (by) => {
    const groups = await breakdown({ orgUnitIds: [salesUnit], from: '2025-02-10', to: '2025-05-03' }, by);
    const expected = await recount(`r.${DIMS[by]}`, `r.org_unit_id = $2 AND r.submitted_at >= timestamptz '2025-02-10T00:00:00Z' AND r.submitted_at < timestamptz '2025-05-04T00:00:00Z'`, [salesUnit]);
    expect(byKey(groups)).toEqual(expected);
  });

  it('filters by one attribute and breaks down by another', async () => {
    expect(byKey(await breakdown({ products: ['Mortgage', 'Cards'] }, 'SERVED_BY'))).toEqual(
      await recount('r.served_by', `r.product = ANY($2::text[])`, [['Mortgage', 'Cards']]),
    );
    expect(byKey(await breakdown({ products: ['Savings'] }, 'PRODUCT'))).toEqual(await recount('r.product', `r.product = 'Savings'`, []));
    expect(byKey(await breakdown({ servedBy: ['ext:E-17'], channels: ['web'] }, 'TOUCHPOINT'))).toEqual(
      await recount('r.touchpoint', `r.served_by = 'ext:E-17' AND r.channel = 'web'`, []),
    );
    expect(await breakdown({ touchpoints: ['nowhere'] }, 'PRODUCT')).toEqual([]);
  });

  it("labels serving employees: a user by their current name, anyone else by the latest name an answer gave", async () => {
    const labels = Object.fromEntries((await breakdown({}, 'SERVED_BY')).map((g) => [g.key, g.label]));
    expect(labels).toEqual({
      [`user:${users.cx}`]: 'CX of transactions',
      [`user:${users.manager}`]: 'MANAGER of transactions',
      'ext:E-17': 'Eve Adams',
      'ext:E-42': 'E-42',
      // A key naming another organization's user never shows that user's name.
      [`user:${users.demo}`]: 'A guest from elsewhere',
    });
    await app.db.dataSource.query(`UPDATE users SET name = 'Casey Renamed' WHERE id = $1`, [users.cx]);
    const renamed = await breakdown({}, 'SERVED_BY');
    expect(renamed.find((g) => g.key === `user:${users.cx}`)!.label).toBe('Casey Renamed');
  });

  it("keeps a manager to their own contacts' answers", async () => {
    for (const by of ['PRODUCT', 'SERVED_BY'] as const) {
      expect(byKey(await breakdown({}, by, tokens.manager))).toEqual(await recount(`r.${DIMS[by]}`, 'r.owner_id = $2', [users.manager]));
    }
  });

  it('refuses a breakdown of employee answers by a transaction attribute, naming the argument', async () => {
    for (const [by, token, filter] of [
      ['PRODUCT', tokens.hr, {}],
      ['SERVED_BY', tokens.leader, { audience: 'EMPLOYEE' }],
    ] as const) {
      const res = await app.gql(BREAKDOWN, { filter, by }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'by' });
      expect(res.errors?.[0].message).toContain(by);
      expect(res.data).toBeNull();
    }
    const named = await app.gql(BREAKDOWN, { filter: { waveIds: [employeeWave] }, by: 'CHANNEL' }, tokens.leader);
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'by' });
  });

  it.each([
    ['an employee filter with products', () => ({ filter: { audience: 'EMPLOYEE', products: ['Cards'] }, by: 'ORG_UNIT' }), 'filter.products', 'leader'],
    ['an empty product', () => ({ filter: { products: [' '] }, by: 'PRODUCT' }), 'filter.products', 'cx'],
    ['an overlong channel', () => ({ filter: { channels: ['x'.repeat(201)] }, by: 'PRODUCT' }), 'filter.channels', 'cx'],
    ['an empty serving employee', () => ({ filter: { servedBy: [''] }, by: 'SERVED_BY' }), 'filter.servedBy', 'cx'],
    ['an empty touchpoint', () => ({ filter: { touchpoints: [''] }, by: 'TOUCHPOINT' }), 'filter.touchpoints', 'cx'],
  ] as const)('refuses %s with BAD_USER_INPUT naming the field', async (_name, variables, field, who) => {
    const res = await app.gql(BREAKDOWN, variables(), tokens[who]);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data).toBeNull();
  });
});

describe('npsTrend by a transaction attribute', () => {
  async function trend(filter: Record<string, unknown>, interval = 'MONTH', token = tokens.cx) {
    const res = await app.gql(TREND, { filter, interval }, token);
    expect(res.errors).toBeUndefined();
    const points = res.data.npsTrend as { period: string; summary: Counts }[];
    return Object.fromEntries(points.filter((p) => p.summary.responses > 0).map((p) => [p.period, p.summary]));
  }
  const MONTH = `to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM')`;

  it.each([
    ['a product', { products: ['Mortgage'] }, `r.product = 'Mortgage'`],
    ['a channel', { channels: ['web', 'phone'] }, `r.channel IN ('web', 'phone')`],
    ['a touchpoint', { touchpoints: ['delivery'] }, `r.touchpoint = 'delivery'`],
    ['a serving employee', { servedBy: ['ext:E-17'] }, `r.served_by = 'ext:E-17'`],
    ['a product and a channel (a scan)', { products: ['Savings'], channels: ['web'] }, `r.product = 'Savings' AND r.channel = 'web'`],
    ['a product within a range', { products: ['Cards'], from: '2025-01-20', to: '2025-04-10' }, `r.product = 'Cards' AND r.submitted_at >= timestamptz '2025-01-20T00:00:00Z' AND r.submitted_at < timestamptz '2025-04-11T00:00:00Z'`],
  ])('per month for %s equals a recount', async (_name, filter, where) => {
    const expected = await recount(MONTH, where, []);
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(await trend(filter)).toEqual(expected);
  });

  it('per wave for a serving employee equals a recount', async () => {
    expect(await trend({ servedBy: [`user:${users.manager}`] }, 'WAVE')).toEqual(await recount('r.wave_id::text', `r.served_by = $2`, [`user:${users.manager}`]));
  });

  it('refuses employee trends filtered by a transaction attribute', async () => {
    const res = await app.gql(TREND, { filter: { audience: 'EMPLOYEE', touchpoints: ['sale'] }, interval: 'QUARTER' }, tokens.leader);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.touchpoints' });
  });
});

describe('tenancy', () => {
  it("never counts or names another organization's answers", async () => {
    for (const by of Object.keys(DIMS) as Dim[]) {
      const theirs = await breakdown({}, by, tokens.demoCx);
      const [{ id: demoOrg }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
      expect(byKey(theirs)).toEqual(await recount(`r.${DIMS[by]}`, 'true', [], demoOrg));
      expect(theirs.some((g) => ['Mortgage', 'ext:E-17', `user:${users.cx}`].includes(g.key))).toBe(false);
    }
    expect(await breakdown({ products: ['Mortgage'] }, 'SERVED_BY', tokens.demoCx)).toEqual([]);
  });
});
