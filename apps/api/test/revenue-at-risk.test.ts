import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorize } from '@tandem/nps-core';
import { createOrganization } from './support/fixtures.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 19, account value on the board: Board.revenueAtRisk over an organization of its own, every
 * number counted by hand below — the latest answer per contact in the quarter, weighted by the
 * contact's annual value; per org unit and owner; EMPLOYEE refused; HR gets null; another
 * organization sees none of it.
 */
const QUERY = `query($audience: Audience, $top: Int) { board(period: { year: 2025, quarter: 2 }) { revenueAtRisk(audience: $audience, top: $top) {
  audience answered valued valueAnswered valueAtRisk valueTotal coverage weightedNps nps
  byOrgUnit { id name valued value valueAtRisk weightedNps nps } byOwner { id name valued value valueAtRisk weightedNps nps } } } }`;

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'cx' | 'hr' | 'leader' | 'otherCx', string> = {} as never;
let north: string;
let managerId: string;
let cxId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'valueboard', ['CX', 'HR', 'LEADER', 'MANAGER']);
  other = await createOrganization(db, 'valueother', ['CX']);
  tokens.cx = await app.login(org.users.CX, org.password);
  tokens.hr = await app.login(org.users.HR, org.password);
  tokens.leader = await app.login(org.users.LEADER, org.password);
  tokens.otherCx = await app.login(other.users.CX, other.password);
  [{ id: north }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, 'North') RETURNING id`, [org.org.id, org.unit.id]);
  [{ id: managerId }] = await db.query(`SELECT id FROM users WHERE email = $1`, [org.users.MANAGER]);
  [{ id: cxId }] = await db.query(`SELECT id FROM users WHERE email = $1`, [org.users.CX]);

  const wave = async (name: string, audience: string) =>
    (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience } }, tokens.cx)).data.createWave.id as string;
  const customers = await wave('Customers', 'CUSTOMER');
  const candidates = await wave('Candidates', 'CANDIDATE');

  const values: Record<string, number | null> = { a: 1000, b: 4000, c: 500, d: 2500, e: null, f: 10000, g: 3000, h: 1000 };
  const contacts: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    [{ id: contacts[key] }] = await db.query(
      `INSERT INTO contacts (organization_id, email, name, language, segments, annual_value) VALUES ($1, $2, $3, 'en', '{}', $4) RETURNING id`,
      [org.org.id, `${key}@valueboard.test`, key.toUpperCase(), value],
    );
  }
  // The other organization: a valued detractor in the same quarter, never in ours.
  const [{ id: stranger }] = await db.query(`INSERT INTO contacts (organization_id, email, name, language, segments, annual_value) VALUES ($1, 'x@valueother.test', 'X', 'en', '{}', 777) RETURNING id`, [other.org.id]);
  const otherWave = (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name: 'Theirs', audience: 'CUSTOMER' } }, tokens.otherCx)).data.createWave.id;

  const answers = [
    // a: a promoter in April, then a detractor in May: the latest counts.
    { wave: customers, contact: 'a', score: 10, unit: org.unit.id, owner: managerId, at: '2025-04-10T10:00:00Z' },
    { wave: customers, contact: 'a', score: 3, unit: north, owner: managerId, at: '2025-05-20T10:00:00Z' },
    { wave: customers, contact: 'b', score: 9, unit: org.unit.id, owner: cxId, at: '2025-05-01T10:00:00Z' },
    { wave: customers, contact: 'c', score: 7, unit: north, owner: managerId, at: '2025-06-30T23:00:00Z' },
    { wave: customers, contact: 'd', score: 0, unit: org.unit.id, owner: null, at: '2025-06-02T10:00:00Z' },
    // e has no value: answered, not weighed.
    { wave: customers, contact: 'e', score: 2, unit: org.unit.id, owner: cxId, at: '2025-05-05T10:00:00Z' },
    // f answered only outside the quarter; g only as a candidate; h never.
    { wave: customers, contact: 'f', score: 0, unit: north, owner: managerId, at: '2025-03-31T23:59:00Z' },
    { wave: customers, contact: 'f', score: 0, unit: north, owner: managerId, at: '2025-07-01T00:00:00Z' },
    { wave: candidates, contact: 'g', score: 0, unit: north, owner: managerId, at: '2025-05-01T10:00:00Z' },
  ];
  const insert = (organizationId: string, rows: { wave: string; contact: string; score: number; unit: string | null; owner: string | null; at: string }[], audienceOf: (w: string) => string) =>
    db.query(
      `INSERT INTO responses (organization_id, wave_id, audience, contact_id, score, category, language, org_unit_id, owner_id, segments, submitted_at)
       SELECT $1, t.wave_id, t.audience, t.contact_id, t.score, t.category, 'en', t.org_unit_id, t.owner_id, '{}'::jsonb, t.submitted_at
         FROM jsonb_to_recordset($2::jsonb) AS t(wave_id uuid, audience text, contact_id uuid, score int, category text, org_unit_id uuid, owner_id uuid, submitted_at timestamptz)`,
      [
        organizationId,
        JSON.stringify(rows.map((r) => ({ wave_id: r.wave, audience: audienceOf(r.wave), contact_id: contacts[r.contact] ?? r.contact, score: r.score, category: categorize(r.score), org_unit_id: r.unit, owner_id: r.owner, submitted_at: r.at }))),
      ],
    );
  await insert(org.org.id, answers, (w) => (w === candidates ? 'CANDIDATE' : 'CUSTOMER'));
  await insert(other.org.id, [{ wave: otherWave, contact: stranger, score: 1, unit: other.unit.id, owner: null, at: '2025-05-01T10:00:00Z' }], () => 'CUSTOMER');
}, 120_000);
afterAll(() => app?.close());

async function read(token: string, variables: Record<string, unknown> = {}) {
  const res = await app.gql(QUERY, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data.board.revenueAtRisk;
}

describe('Board.revenueAtRisk', () => {
  it('weighs the latest answer per contact by annual value, as counted by hand', async () => {
    const r = await read(tokens.cx);
    // Latest answers in Q2: a D 1000, b P 4000, c Pa 500, d D 2500, e D (no value).
    const book = 1000 + 4000 + 500 + 2500 + 10000 + 3000 + 1000;
    expect(r).toMatchObject({ audience: 'CUSTOMER', answered: 5, valued: 4, valueAnswered: 8000, valueAtRisk: 3500, valueTotal: book });
    expect(r.coverage).toBeCloseTo(8000 / book, 10);
    expect(r.weightedNps).toBeCloseTo((100 * (4000 - 3500)) / 8000, 10);
    expect(r.nps).toBeCloseTo((100 * (1 - 2)) / 4, 10);

    // Per org unit (of the answer), most at risk first: HQ b + d (e has no value), North a + c.
    expect(r.byOrgUnit.map((g: { name: string }) => g.name)).toEqual(['valueboard HQ', 'North']);
    expect(r.byOrgUnit[0]).toMatchObject({ id: org.unit.id, valued: 2, value: 6500, valueAtRisk: 2500 });
    expect(r.byOrgUnit[0].weightedNps).toBeCloseTo((100 * (4000 - 2500)) / 6500, 10);
    expect(r.byOrgUnit[1]).toMatchObject({ id: north, valued: 2, value: 1500, valueAtRisk: 1000, nps: -50 });
    expect(r.byOrgUnit[1].weightedNps).toBeCloseTo((100 * -1000) / 1500, 10);

    // Per owner: no owner (d) 2500, the manager (a, c) 1000, the CX user (b) 0.
    expect(r.byOwner.map((g: { id: string | null; valueAtRisk: number }) => [g.id, g.valueAtRisk])).toEqual([[null, 2500], [managerId, 1000], [cxId, 0]]);
    expect(r.byOwner[1]).toMatchObject({ name: 'MANAGER of valueboard', value: 1500 });
    const top = await read(tokens.cx, { top: 2 });
    expect(top.byOwner).toHaveLength(2);
  });

  it('reads another customer-side audience, and is empty without answers', async () => {
    const candidates = await read(tokens.leader, { audience: 'CANDIDATE' });
    expect(candidates).toMatchObject({ answered: 1, valued: 1, valueAnswered: 3000, valueAtRisk: 3000, weightedNps: -100 });
    const associates = await read(tokens.cx, { audience: 'ASSOCIATE' });
    expect(associates).toMatchObject({ answered: 0, valued: 0, valueAtRisk: 0, weightedNps: null, nps: null, byOrgUnit: [], byOwner: [] });
  });

  it('refuses EMPLOYEE (no account value) and a bad top, naming the argument', async () => {
    const employee = await app.gql(QUERY, { audience: 'EMPLOYEE' }, tokens.cx);
    expect(codeOf(employee)).toBe('BAD_USER_INPUT');
    expect(fieldOf(employee)).toBe('audience');
    const top = await app.gql(QUERY, { top: 0 }, tokens.cx);
    expect(fieldOf(top)).toBe('top');
  });

  it('is null for callers who read employee results only', async () => {
    const res = await app.gql(QUERY, {}, tokens.hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.board.revenueAtRisk).toBeNull();
  });

  it('has data in the demo organization this quarter (the seed gives customers annual values)', async () => {
    const demo = await app.gql(`query { board { revenueAtRisk { valued valueAtRisk valueTotal coverage weightedNps byOrgUnit { name } } } }`, {}, await app.login('cx@demo.test'));
    expect(demo.errors).toBeUndefined();
    const r = demo.data.board.revenueAtRisk;
    expect(r.valued).toBeGreaterThan(5);
    expect(r.valueAtRisk).toBeGreaterThan(0);
    expect(r.coverage).toBeGreaterThan(0);
    expect(r.coverage).toBeLessThan(1);
    expect(r.byOrgUnit.length).toBeGreaterThan(1);
  });

  it('takes the organization from the token: another organization sees only its own', async () => {
    const theirs = await read(tokens.otherCx);
    expect(theirs).toMatchObject({ answered: 1, valued: 1, valueAnswered: 777, valueAtRisk: 777, valueTotal: 777 });
    expect(JSON.stringify(theirs)).not.toContain(north);
  });
});
