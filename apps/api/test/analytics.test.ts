import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize, type NpsCounts } from '@tandem/nps-core';
import { hashSecret } from '../src/kernel/passwords.js';
import { createOrganization } from './support/fixtures.js';
import { insertResponses } from './support/survey-data.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * npsSummary over a small organization of its own (the demo organization has seeded responses of
 * its own): eight identified responses across two waves, with org units, owners, segments and
 * dates chosen so that every filter below can be counted by hand.
 */
const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) {
  responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed } }`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'admin' | 'cx' | 'hr' | 'manager' | 'leader' | 'api' | 'demoCx', string> = {} as never;
const units: Record<string, string> = {};
const users: Record<'manager' | 'admin', string> = {} as never;
const waves: Record<'customer' | 'candidate' | 'employee', string> = {} as never;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'analytics', ['ADMIN', 'CX', 'HR', 'MANAGER', 'LEADER']);
  for (const role of ['admin', 'cx', 'hr', 'manager', 'leader'] as const) {
    tokens[role] = await app.login(org.users[role.toUpperCase()], org.password);
  }
  tokens.demoCx = await app.login('cx@demo.test');
  await db.query(`INSERT INTO api_clients (organization_id, name, client_id, secret_hash, scopes) VALUES ($1, 'BI', 'bi-client', $2, $3)`, [
    org.org.id,
    await hashSecret('bi-secret-bi-secret'),
    ['analytics:read'],
  ]);
  tokens.api = (await app.gql(`mutation { issueApiToken(clientId: "bi-client", clientSecret: "bi-secret-bi-secret") { accessToken } }`)).data
    .issueApiToken.accessToken;

  // HQ ─┬─ Sales ─┬─ Sales EU
  //     │         └─ Sales US
  //     ├─ Customer Service
  //     └─ Recruitment
  units.HQ = org.unit.id;
  for (const [name, parent] of [['Sales', 'HQ'], ['Sales EU', 'Sales'], ['Sales US', 'Sales'], ['Customer Service', 'HQ'], ['Recruitment', 'HQ']]) {
    const [{ id }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [
      org.org.id,
      units[parent],
      name,
    ]);
    units[name] = id;
  }
  const found: { email: string; id: string }[] = await db.query(`SELECT email, id FROM users WHERE organization_id = $1`, [org.org.id]);
  users.manager = found.find((u) => u.email === org.users.MANAGER)!.id;
  users.admin = found.find((u) => u.email === org.users.ADMIN)!.id;

  const create = async (name: string, audience: string, token: string) =>
    (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience } }, token)).data.createWave.id;
  waves.customer = await create('Customers', 'CUSTOMER', tokens.cx);
  waves.candidate = await create('Candidates', 'CANDIDATE', tokens.cx);
  waves.employee = await create('Employees', 'EMPLOYEE', tokens.hr);

  const at = (iso: string) => new Date(iso);
  // A1..A5 answer the customer wave, B1..B3 the candidate wave.
  await insertResponses(db, waves.customer, [
    { score: 10, orgUnitId: units['Sales EU'], ownerId: users.manager, segments: { region: 'EU', product: 'ats' }, submittedAt: at('2025-01-10T14:00:00Z') }, // A1 P
    { score: 9, orgUnitId: units['Sales EU'], ownerId: users.manager, segments: { region: 'EU' }, submittedAt: at('2025-01-15T09:00:00Z') }, // A2 P
    { score: 6, orgUnitId: units['Sales US'], ownerId: users.admin, segments: { region: 'US', product: 'ats' }, submittedAt: at('2025-02-01T12:00:00Z') }, // A3 D
    { score: 8, orgUnitId: units.Sales, ownerId: users.admin, segments: { region: 'US' }, submittedAt: at('2025-02-10T23:30:00Z') }, // A4 passive
    { score: 3, orgUnitId: units['Customer Service'], ownerId: null, segments: { region: 'EU' }, submittedAt: at('2025-03-01T10:00:00Z') }, // A5 D
  ]);
  await insertResponses(db, waves.candidate, [
    { score: 10, orgUnitId: units.Recruitment, ownerId: users.manager, segments: { region: 'EU' }, submittedAt: at('2025-01-20T10:00:00Z') }, // B1 P
    { score: 2, orgUnitId: units['Sales EU'], ownerId: users.admin, segments: { region: 'EU', product: 'ats' }, submittedAt: at('2025-03-05T10:00:00Z') }, // B2 D
    { score: 9, orgUnitId: units['Sales US'], ownerId: users.manager, segments: { region: 'US' }, submittedAt: at('2025-03-20T10:00:00Z') }, // B3 P
  ]);
});
afterAll(() => app?.close());

async function summary(filter: Record<string, unknown>, token = tokens.cx) {
  const res = await app.gql(SUMMARY, { filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data.npsSummary;
}

/** What npsSummary must answer for these counts: nps-core's numbers, default bands. */
function expected(promoters: number, passives: number, detractors: number) {
  const counts: NpsCounts = { promoters, passives, detractors };
  const s = summarize(counts);
  return {
    responses: s.responses,
    promoters,
    passives,
    detractors,
    nps: s.nps,
    marginOfError: s.marginOfError,
    ciLow: s.ciLow,
    ciHigh: s.ciHigh,
    band: s.band,
    suppressed: false,
  };
}

const SUPPRESSED = {
  responses: null,
  promoters: null,
  passives: null,
  detractors: null,
  nps: null,
  marginOfError: null,
  ciLow: null,
  ciHigh: null,
  band: null,
  suppressed: true,
};

describe('npsSummary', () => {
  it('summarizes every identified response of the organization, with the nps-core interval and band', async () => {
    // 4 promoters, 1 passive, 3 detractors: NPS = 100 × (4 − 3) / 8 = 12.5.
    const all = await summary({});
    expect(all).toEqual(expected(4, 1, 3));
    expect(all.nps).toBe(12.5);
    expect(all.band).toBe('good');
  });

  it.each([
    ['an org unit with its subtree (Sales, Sales EU, Sales US)', () => ({ orgUnitIds: [units.Sales] }), [3, 1, 2]],
    ['a leaf org unit', () => ({ orgUnitIds: [units['Sales EU']] }), [2, 0, 1]],
    ['the root org unit (everything)', () => ({ orgUnitIds: [units.HQ] }), [4, 1, 3]],
    ['two org units', () => ({ orgUnitIds: [units['Sales EU'], units.Recruitment] }), [3, 0, 1]],
    ['an owner', () => ({ ownerIds: [users.manager] }), [4, 0, 0]],
    ['another owner', () => ({ ownerIds: [users.admin] }), [0, 1, 2]],
    ['a segment', () => ({ segments: [{ key: 'region', value: 'EU' }] }), [3, 0, 2]],
    ['a segment key spelled differently', () => ({ segments: [{ key: ' Region ', value: 'EU' }] }), [3, 0, 2]],
    ['two segment keys (both must match)', () => ({ segments: [{ key: 'region', value: 'EU' }, { key: 'product', value: 'ats' }] }), [1, 0, 1]],
    ['two values of one key (either matches)', () => ({ segments: [{ key: 'region', value: 'EU' }, { key: 'region', value: 'US' }] }), [4, 1, 3]],
    ['a date range, both ends included', () => ({ from: '2025-01-15', to: '2025-02-10' }), [2, 1, 1]],
    ['a start date only', () => ({ from: '2025-02-11' }), [1, 0, 2]],
    ['an end date only', () => ({ to: '2025-01-14' }), [1, 0, 0]],
    ['one day', () => ({ from: '2025-01-10', to: '2025-01-10' }), [1, 0, 0]],
    ['a wave', () => ({ waveIds: [waves.candidate] }), [2, 0, 1]],
    ['two waves', () => ({ waveIds: [waves.candidate, waves.customer] }), [4, 1, 3]],
    ['an audience', () => ({ audience: 'CUSTOMER' }), [2, 1, 2]],
    ['another audience', () => ({ audience: 'CANDIDATE' }), [2, 0, 1]],
    ['an audience without responses', () => ({ audience: 'ASSOCIATE' }), [0, 0, 0]],
    ['empty lists (no restriction)', () => ({ waveIds: [], orgUnitIds: [], ownerIds: [], segments: [] }), [4, 1, 3]],
    ['several filters at once', () => ({ audience: 'CUSTOMER', orgUnitIds: [units.Sales], ownerIds: [users.manager] }), [2, 0, 0]],
  ] as const)('filters by %s', async (_name, filter, [p, pa, d]) => {
    expect(await summary(filter())).toEqual(expected(p, pa, d));
  });

  it('answers no responses with null numbers, never 0', async () => {
    expect(await summary({ audience: 'ASSOCIATE' })).toMatchObject({ responses: 0, nps: null, ciLow: null, band: null, suppressed: false });
  });

  it("restricts a manager to their own contacts' responses", async () => {
    expect(await summary({}, tokens.manager)).toEqual(expected(4, 0, 0));
    expect(await summary({ ownerIds: [users.manager] }, tokens.manager)).toEqual(expected(4, 0, 0));
    // Sales US holds A3 (the admin's) and B3 (the manager's).
    expect(await summary({ orgUnitIds: [units['Sales US']] }, tokens.manager)).toEqual(expected(1, 0, 0));
    expect(codeOf(await app.gql(SUMMARY, { filter: { ownerIds: [users.admin] } }, tokens.manager))).toBe('FORBIDDEN');
  });

  it('gives leaders, admins and analytics clients the whole organization', async () => {
    for (const token of [tokens.leader, tokens.admin, tokens.api]) expect(await summary({}, token)).toEqual(expected(4, 1, 3));
  });

  it('reports employee results only from releases, and only to HR, ADMIN, LEADER, analytics clients and managers (their unit)', async () => {
    // The employee wave here still runs: nothing is released (test/employee-reporting.test.ts has the rest).
    for (const token of [tokens.hr, tokens.admin, tokens.leader, tokens.api, tokens.manager]) {
      expect(await summary({ audience: 'EMPLOYEE' }, token)).toEqual(expected(0, 0, 0));
    }
    for (const token of [tokens.hr, tokens.admin, tokens.leader, tokens.api]) {
      expect(await summary({ waveIds: [waves.employee] }, token)).toEqual(SUPPRESSED);
    }
    expect(await summary({}, tokens.hr)).toEqual(expected(0, 0, 0));
    expect(codeOf(await app.gql(SUMMARY, { filter: { audience: 'EMPLOYEE' } }, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(SUMMARY, { filter: { waveIds: [waves.employee] } }, tokens.cx))).toBe('FORBIDDEN');
    const mixed = await app.gql(SUMMARY, { filter: { waveIds: [waves.customer, waves.employee] } }, tokens.admin);
    expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
  });

  it("keeps HR to employee results, and a manager's employee results to their own unit", async () => {
    expect(codeOf(await app.gql(SUMMARY, { filter: { audience: 'CUSTOMER' } }, tokens.hr))).toBe('FORBIDDEN');
    const hrCustomerWave = await app.gql(SUMMARY, { filter: { waveIds: [waves.customer] } }, tokens.hr);
    expect(hrCustomerWave.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
    // A manager may name an employee wave (a point of their team's trend): the answer is their own
    // unit's released group, exactly as for audience EMPLOYEE; never the whole wave.
    const managerEmployeeWave = await app.gql(SUMMARY, { filter: { waveIds: [waves.employee] } }, tokens.manager);
    expect(managerEmployeeWave.errors).toBeUndefined();
    const ownUnit = await app.gql(SUMMARY, { filter: { audience: 'EMPLOYEE', waveIds: [waves.employee] } }, tokens.manager);
    expect(managerEmployeeWave.data.npsSummary).toEqual(ownUnit.data.npsSummary);
    expect(codeOf(await app.gql(SUMMARY, { filter: {} }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a wave id that is not a uuid', () => ({ waveIds: ['nope'] }), 'filter.waveIds'],
    ['an unknown wave', () => ({ waveIds: [waves.customer, UNKNOWN_ID] }), 'filter.waveIds'],
    ['an unknown org unit', () => ({ orgUnitIds: [UNKNOWN_ID] }), 'filter.orgUnitIds'],
    ['an org unit id that is not a uuid', () => ({ orgUnitIds: ['sales'] }), 'filter.orgUnitIds'],
    ['an unknown owner', () => ({ ownerIds: [UNKNOWN_ID] }), 'filter.ownerIds'],
    ['from after to', () => ({ from: '2025-03-01', to: '2025-02-28' }), 'filter.to'],
    ['an empty segment key', () => ({ segments: [{ key: '', value: 'EU' }] }), 'filter.segments'],
    ['a segment key of punctuation only', () => ({ segments: [{ key: ' -- ', value: 'EU' }] }), 'filter.segments'],
  ] as const)('refuses %s with BAD_USER_INPUT naming the field', async (_name, filter, field) => {
    const res = await app.gql(SUMMARY, { filter: filter() }, tokens.cx);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data).toBeNull();
  });

  it('refuses a date that is not a date', async () => {
    expect(codeOf(await app.gql(SUMMARY, { filter: { from: '2025-02-30' } }, tokens.cx))).toBe('BAD_USER_INPUT');
  });
});

const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {
  npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) { key label summary { responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed } } }`;

describe('npsBreakdown of identified responses', () => {
  async function breakdown(filter: Record<string, unknown>, by: string, segmentKey?: string, token = tokens.cx) {
    const res = await app.gql(BREAKDOWN, { filter, by, segmentKey }, token);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(res.data.npsBreakdown.map((g: { key: string; label: string; summary: unknown }) => [g.key, { label: g.label, summary: g.summary }]));
  }

  it('gives each org unit with its whole subtree (groups overlap)', async () => {
    expect(await breakdown({}, 'ORG_UNIT')).toEqual({
      [units.HQ]: { label: 'analytics HQ', summary: expected(4, 1, 3) },
      [units.Sales]: { label: 'Sales', summary: expected(3, 1, 2) },
      [units['Sales EU']]: { label: 'Sales EU', summary: expected(2, 0, 1) },
      [units['Sales US']]: { label: 'Sales US', summary: expected(1, 0, 1) },
      [units['Customer Service']]: { label: 'Customer Service', summary: expected(0, 0, 1) },
      [units.Recruitment]: { label: 'Recruitment', summary: expected(1, 0, 0) },
    });
    expect(Object.keys(await breakdown({ orgUnitIds: [units.Sales] }, 'ORG_UNIT')).sort()).toEqual([units.Sales, units['Sales EU'], units['Sales US']].sort());
    expect(await breakdown({ audience: 'CANDIDATE', orgUnitIds: [units['Sales EU']] }, 'ORG_UNIT')).toEqual({
      [units['Sales EU']]: { label: 'Sales EU', summary: expected(0, 0, 1) },
    });
  });

  it('gives owners, waves, audiences and segments, with an "unassigned" group for responses without a value', async () => {
    expect(await breakdown({}, 'OWNER')).toEqual({
      [users.manager]: { label: 'MANAGER of analytics', summary: expected(4, 0, 0) },
      [users.admin]: { label: 'ADMIN of analytics', summary: expected(0, 1, 2) },
      unassigned: { label: 'No owner', summary: expected(0, 0, 1) },
    });
    expect(await breakdown({}, 'WAVE')).toEqual({
      [waves.customer]: { label: 'Customers', summary: expected(2, 1, 2) },
      [waves.candidate]: { label: 'Candidates', summary: expected(2, 0, 1) },
    });
    expect(await breakdown({}, 'AUDIENCE')).toEqual({
      CUSTOMER: { label: 'CUSTOMER', summary: expected(2, 1, 2) },
      CANDIDATE: { label: 'CANDIDATE', summary: expected(2, 0, 1) },
    });
    expect(await breakdown({}, 'SEGMENT', 'Region')).toEqual({
      EU: { label: 'EU', summary: expected(3, 0, 2) },
      US: { label: 'US', summary: expected(1, 1, 1) },
    });
    expect(await breakdown({ waveIds: [waves.customer] }, 'SEGMENT', 'product')).toEqual({
      ats: { label: 'ats', summary: expected(1, 0, 1) },
      unassigned: { label: 'No product', summary: expected(1, 1, 1) },
    });
  });

  it("keeps a manager to their own contacts' responses", async () => {
    expect(await breakdown({}, 'OWNER', undefined, tokens.manager)).toEqual({ [users.manager]: { label: 'MANAGER of analytics', summary: expected(4, 0, 0) } });
    expect(await breakdown({}, 'WAVE', undefined, tokens.manager)).toEqual({
      [waves.customer]: { label: 'Customers', summary: expected(2, 0, 0) },
      [waves.candidate]: { label: 'Candidates', summary: expected(2, 0, 0) },
    });
  });

  it('lists employee groups only from releases: none here yet', async () => {
    expect(await breakdown({}, 'ORG_UNIT', undefined, tokens.hr)).toEqual({});
    expect(await breakdown({ audience: 'EMPLOYEE' }, 'AUDIENCE', undefined, tokens.leader)).toEqual({ EMPLOYEE: { label: 'EMPLOYEE', summary: expected(0, 0, 0) } });
  });

  it.each([
    ['SEGMENT without a key', () => ({ filter: {}, by: 'SEGMENT' }), 'segmentKey'],
    ['an empty segment key', () => ({ filter: {}, by: 'SEGMENT', segmentKey: ' - ' }), 'segmentKey'],
    ['a segment key no contact or response has', () => ({ filter: {}, by: 'SEGMENT', segmentKey: 'colour' }), 'segmentKey'],
    ['a segment key with another dimension', () => ({ filter: {}, by: 'OWNER', segmentKey: 'region' }), 'segmentKey'],
    ['an unknown wave in the filter', () => ({ filter: { waveIds: [UNKNOWN_ID] }, by: 'WAVE' }), 'filter.waveIds'],
  ] as const)('refuses %s with BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
    const res = await app.gql(BREAKDOWN, variables(), tokens.cx);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data).toBeNull();
  });

  it('refuses a dimension that does not exist', async () => {
    expect(codeOf(await app.gql(BREAKDOWN, { filter: {}, by: 'COLOUR' }, tokens.cx))).toBe('BAD_USER_INPUT');
  });
});

describe('tenancy', () => {
  it("treats another organization's ids exactly like unknown ones", async () => {
    for (const [field, id] of [
      ['waveIds', waves.customer],
      ['orgUnitIds', units.Sales],
      ['ownerIds', users.manager],
    ] as const) {
      const theirs = await app.gql(SUMMARY, { filter: { [field]: [id] } }, tokens.demoCx);
      const unknown = await app.gql(SUMMARY, { filter: { [field]: [UNKNOWN_ID] } }, tokens.demoCx);
      expect(theirs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `filter.${field}` });
      expect(theirs.errors?.[0].message.replace(id, '<id>')).toBe(unknown.errors?.[0].message.replace(UNKNOWN_ID, '<id>'));
    }
  });

  it("never counts another organization's responses", async () => {
    // The demo organization has responses of its own; this organization's total stays its eight.
    const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM responses WHERE organization_id <> $1`, [org.org.id]);
    expect(n).toBeGreaterThan(0);
    expect((await summary({})).responses).toBe(8);
    const demo = await summary({}, tokens.demoCx);
    expect(demo.responses).toBe(n);
  });
});
