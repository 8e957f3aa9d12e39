import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorize } from '@tandem/nps-core';
import { NpsSummary } from '../src/reporting/base/nps-summary.type.js';
import { compareRows, order, rankCounts } from '../src/reporting/leaderboards/ranking.js';
import { createOrganization } from './support/fixtures.js';
import { insertTeam } from './support/employee-data.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Leaderboards and awards over an organization built for the purpose: teams of known sizes and
 * scores in 2025-Q2 (and 2025-Q1 before it), managers as contact owners, invitations, improvements
 * and an employee wave. Every ranking is checked against what the rule says, then awards are
 * finalized, frozen, refused twice, reopened and finalized again.
 */
const ENTRY = 'rank entityId name value rankedBy ciLow ciHigh responses invited eligible note significant summary { responses nps ciLow ciHigh } previous { responses nps }';
const BOARD = `query($input: LeaderboardInput!) { leaderboard(input: $input) { ${ENTRY} } }`;
const AWARD = 'id period category entity metric audience entityId winnerName rank value responses ciLow ciHigh finalizedAt reopened';
const FINALIZE = `mutation($input: PeriodInput!) { finalizeAwards(input: $input) { ${AWARD} } }`;
const REOPEN = `mutation($input: PeriodInput!, $note: String!) { reopenAwards(input: $input, note: $note) { period status reopenNote events { kind byName note } } }`;
const AWARDS = `query($year: Int) { awards(year: $year) { ${AWARD} runnersUp { ${AWARD} } } }`;
const Q2 = { year: 2025, quarter: 2 };

let app: TestApp;
let org: string;
const tokens: Record<'leader' | 'admin' | 'manager' | 'demoLeader', string> = {} as never;
const units: Record<string, string> = {};
const people: Record<string, string> = {};

const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);

async function unit(name: string, parent: string | null) {
  const [{ id }] = await sql(`INSERT INTO org_units (organization_id, name, parent_id) VALUES ($1, $2, $3) RETURNING id`, [org, name, parent]);
  units[name] = id;
  return id;
}

async function user(name: string) {
  const [{ id }] = await sql(
    `INSERT INTO users (organization_id, email, name, password_hash, roles, language) VALUES ($1, $2, $3, 'x', ARRAY['MANAGER'], 'en') RETURNING id`,
    [org, `${randomUUID()}@lb.test`, name],
  );
  people[name] = id;
  return id;
}

async function wave(audience: string, openedAt: string) {
  const [{ id }] = await sql(
    `INSERT INTO waves (organization_id, name, audience, status, anonymous, languages, opens_at, opened_at, closed_at, created_at)
     VALUES ($1, $2, $3, 'CLOSED', $4, ARRAY['en'], $5, $5, $5::timestamptz + interval '30 days', $5) RETURNING id`,
    [org, `${audience} ${openedAt}`, audience, audience === 'EMPLOYEE', openedAt],
  );
  return id as string;
}

/** Scores for an NPS: p promoters (10), q passives (8), d detractors (3). */
const scores = (p: number, q: number, d: number) => [...Array(p).fill(10), ...Array(q).fill(8), ...Array(d).fill(3)];

/** Answers in one statement: a unit, an owner and a day for all of them. */
async function answers(waveId: string, orgUnit: string | null, owner: string | null, list: number[], day: string) {
  await sql(
    `INSERT INTO responses (organization_id, wave_id, audience, score, category, language, org_unit_id, owner_id, submitted_at)
     SELECT $1, $2, w.audience, s.score, s.category, 'en', $3, $4, $5::timestamptz FROM waves w, unnest($6::int[], $7::text[]) AS s(score, category) WHERE w.id = $2`,
    [org, waveId, orgUnit, owner, `${day}T12:00:00Z`, list, list.map((s) => categorize(s))],
  );
}

/** Invitations to new contacts of a unit and owner, created on a day; the first `responded` of them answered. */
async function invitations(waveId: string, orgUnit: string, owner: string | null, invited: number, responded: number, day: string) {
  for (let i = 0; i < invited; i++) {
    const [{ id: contact }] = await sql(
      `INSERT INTO contacts (organization_id, email, name, language, org_unit_id, owner_id) VALUES ($1, $2, 'C', 'en', $3, $4) RETURNING id`,
      [org, `${randomUUID()}@c.test`, orgUnit, owner],
    );
    await sql(`INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      org,
      waveId,
      contact,
      randomBytes(32).toString('hex'),
      i < responded ? 'RESPONDED' : 'SENT',
      `${day}T09:00:00Z`,
    ]);
  }
}

/** An improvement of a unit and owner with status changes at the given times. */
async function improvement(orgUnit: string, owner: string | null, changes: [string, string][]) {
  const [{ id }] = await sql(`INSERT INTO improvements (organization_id, title, status, owner_id, org_unit_id) VALUES ($1, 'Fix', $2, $3, $4) RETURNING id`, [
    org,
    changes.at(-1)![0],
    owner,
    orgUnit,
  ]);
  for (const [status, at] of changes) {
    await sql(`INSERT INTO improvement_events (improvement_id, organization_id, to_status, at) VALUES ($1, $2, $3, $4)`, [id, org, status, `${at}T10:00:00Z`]);
  }
}

beforeAll(async () => {
  app = await startTestApp();
  const made = await createOrganization(app.db.dataSource.manager, 'lb', ['LEADER', 'ADMIN', 'MANAGER']);
  org = made.org.id;
  units.HQ = made.unit.id;
  tokens.leader = await app.login(made.users.LEADER, made.password);
  tokens.admin = await app.login(made.users.ADMIN, made.password);
  tokens.manager = await app.login(made.users.MANAGER, made.password);
  tokens.demoLeader = await app.login('leader@demo.test');

  for (const name of ['Big', 'Tiny', 'Small', 'Alpha', 'Beta', 'Gamma', 'Mid']) await unit(name, units.HQ);
  await unit('Big North', units.Big);
  for (const name of ['Maria', 'Tom', 'Nobody']) await user(name);

  const q1 = await wave('CUSTOMER', '2025-02-01T00:00:00Z');
  const q2 = await wave('CUSTOMER', '2025-05-01T00:00:00Z');
  // 2025-Q2: Big (with its child Big North) 200 answers at NPS 80; Tiny 2 at 100; Small 7; Alpha and Beta alike; Gamma 15.
  await answers(q2, units.Big, people.Maria, scores(120, 20, 10), '2025-05-10');
  await answers(q2, units['Big North'], people.Maria, scores(50, 0, 0), '2025-05-11');
  await answers(q2, units.Tiny, people.Tom, scores(2, 0, 0), '2025-05-12');
  await answers(q2, units.Small, people.Tom, scores(5, 1, 1), '2025-05-12');
  await answers(q2, units.Alpha, null, scores(8, 2, 2), '2025-06-01');
  await answers(q2, units.Beta, null, scores(8, 2, 2), '2025-06-01');
  await answers(q2, units.Gamma, null, scores(9, 3, 3), '2025-06-02');
  // 2025-Q1: Big 200 at NPS 40; Alpha and Beta at NPS 50 (12 each); Small 3.
  await answers(q1, units.Big, people.Maria, scores(110, 60, 30), '2025-02-10');
  await answers(q1, units.Alpha, null, scores(7, 4, 1), '2025-02-10');
  await answers(q1, units.Beta, null, scores(7, 4, 1), '2025-02-10');
  await answers(q1, units.Small, null, scores(3, 0, 0), '2025-02-10');
  // Invitations of 2025-Q2: Big 45 of 50, Mid 12 of 12 (rate 1 but a wider interval), Tiny 2 of 2.
  await invitations(q2, units.Big, people.Maria, 50, 45, '2025-05-02');
  await invitations(q2, units.Mid, people.Tom, 12, 12, '2025-05-02');
  await invitations(q2, units.Tiny, people.Tom, 2, 2, '2025-05-02');
  // Improvements: Big 2 in Q2 (one implemented then verified: counted once), 1 implemented in Q1 and verified in Q2 (Q1's);
  // Alpha, Beta and Gamma 1 each; one still in progress.
  await improvement(units.Big, people.Maria, [['IMPLEMENTED', '2025-04-10'], ['VERIFIED', '2025-05-20']]);
  await improvement(units['Big North'], people.Maria, [['IMPLEMENTED', '2025-06-30']]);
  await improvement(units.Big, people.Maria, [['IMPLEMENTED', '2025-03-30'], ['VERIFIED', '2025-04-02']]);
  for (const name of ['Alpha', 'Beta', 'Gamma']) await improvement(units[name], null, [['IMPLEMENTED', '2025-05-05']]);
  await improvement(units.Tiny, people.Tom, [['IN_PROGRESS', '2025-05-05']]);
});
afterAll(() => app?.close());

async function board(input: Record<string, unknown>, token = tokens.leader) {
  const res = await app.gql(BOARD, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data.leaderboard as any[];
}
const names = (entries: any[]) => entries.map((e) => e.name);

describe('leaderboard', () => {
  it('ranks NPS by the lower bound: 2 answers at 100 come below 200 at 80, and ineligible entries after the eligible ones with the reason', async () => {
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'NPS' });
    const big = entries.find((e) => e.name === 'Big');
    const tiny = entries.find((e) => e.name === 'Tiny');
    expect(big).toMatchObject({ value: 80, responses: 200, eligible: true, note: null });
    expect(big.rankedBy).toBe(big.ciLow);
    expect(big.summary).toMatchObject({ responses: 200, nps: 80, ciLow: big.ciLow, ciHigh: big.ciHigh });
    expect(tiny).toMatchObject({ value: 100, responses: 2, eligible: false, note: '2 responses; 10 needed' });
    expect(big.rank).toBeLessThan(tiny.rank);
    expect(entries.find((e) => e.name === 'Small')).toMatchObject({ eligible: false, note: '7 responses; 10 needed' });
    // Eligible first, then by lower bound; ranks 1..n.
    const firstIneligible = entries.findIndex((e) => !e.eligible);
    expect(entries.slice(firstIneligible).every((e) => !e.eligible)).toBe(true);
    expect(entries.map((e) => e.rank)).toEqual(entries.map((_, i) => i + 1));
    const eligible = entries.filter((e) => e.eligible);
    for (let i = 1; i < eligible.length; i++) expect(eligible[i - 1].rankedBy).toBeGreaterThanOrEqual(eligible[i].rankedBy);
    // Teams are subtrees of ONE level: not the company (lb HQ), not Big North beside its own parent Big.
    expect(names(entries).sort()).toEqual(['Alpha', 'Beta', 'Big', 'Gamma', 'Mid', 'Small', 'Tiny']);
    expect(names(await board({ period: Q2, entity: 'TEAM', metric: 'NPS', level: 2 }))).toEqual(['Big North']);
    expect((await board({ period: Q2, entity: 'TEAM', metric: 'NPS', level: 2 }))[0]).toMatchObject({ responses: 50, value: 100, eligible: true });
  });

  it('offers the levels of the org chart, the widest by default, and refuses the company or a level it does not have', async () => {
    const res = await app.gql(`query { leaderboardLevels { level unitNames isDefault } }`, {}, tokens.manager);
    expect(res.data.leaderboardLevels).toEqual([
      { level: 1, unitNames: ['Alpha', 'Beta', 'Big', 'Gamma', 'Mid', 'Small', 'Tiny'], isDefault: true },
      { level: 2, unitNames: ['Big North'], isDefault: false },
    ]);
    for (const level of [0, 3, -1]) {
      const bad = await app.gql(BOARD, { input: { period: Q2, entity: 'TEAM', metric: 'NPS', level } }, tokens.leader);
      expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'level']);
    }
  });

  it('breaks ties the same way every time: same numbers → the name', async () => {
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'NPS' });
    const alpha = entries.findIndex((e) => e.name === 'Alpha');
    expect(entries[alpha + 1].name).toBe('Beta');
    expect(entries[alpha].rankedBy).toBe(entries[alpha + 1].rankedBy);
    expect(names(await board({ period: Q2, entity: 'TEAM', metric: 'NPS' }))).toEqual(names(entries));
  });

  it('ranks managers (contact owners) the same way', async () => {
    const entries = await board({ period: Q2, entity: 'MANAGER', metric: 'NPS' });
    expect(entries.slice(0, 1)).toMatchObject([{ name: 'Maria', responses: 200, eligible: true, entityId: people.Maria }]);
    expect(entries.find((e) => e.name === 'Tom')).toMatchObject({ responses: 9, eligible: false, note: '9 responses; 10 needed' });
    // A manager without answers is listed, ineligible; users of the other roles are not.
    expect(entries.find((e) => e.name === 'Nobody')).toMatchObject({ responses: 0, eligible: false, value: 0, summary: { nps: null } });
  });

  it('ranks response rates by the Wilson lower bound: 45 of 50 above 12 of 12', async () => {
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'RESPONSE_RATE' });
    const big = entries.find((e) => e.name === 'Big');
    const mid = entries.find((e) => e.name === 'Mid');
    expect(big).toMatchObject({ value: 0.9, responses: 45, invited: 50, eligible: true });
    expect(mid).toMatchObject({ value: 1, responses: 12, invited: 12, eligible: true });
    expect(big.rank).toBeLessThan(mid.rank);
    expect(big.ciLow).toBeGreaterThan(mid.ciLow);
    expect(entries.find((e) => e.name === 'Tiny')).toMatchObject({ value: 1, invited: 2, eligible: false, note: '2 invited; 10 needed' });
  });

  it('ranks NPS_IMPROVEMENT by the change, marks significance, and needs the minimum in both periods', async () => {
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'NPS_IMPROVEMENT' });
    const big = entries.find((e) => e.name === 'Big');
    expect(big).toMatchObject({ rank: 1, eligible: true, significant: true, summary: { responses: 200, nps: 80 }, previous: { responses: 200, nps: 40 } });
    expect(big.value).toBeCloseTo(40, 9);
    expect(big.ciLow).toBeGreaterThan(0);
    const alpha = entries.find((e) => e.name === 'Alpha');
    expect(alpha).toMatchObject({ eligible: true, significant: false });
    expect(alpha.ciLow).toBeLessThan(0);
    expect(entries.find((e) => e.name === 'Small')).toMatchObject({ eligible: false, note: '2025-Q2: 7 responses, 2025-Q1: 3 responses; 10 needed in both' });
    expect(entries.find((e) => e.name === 'Gamma')).toMatchObject({ eligible: false, note: '2025-Q1: 0 responses; 10 needed in both', significant: null });
  });

  it('counts improvements that first reached IMPLEMENTED or VERIFIED in the period; same count → more responses, then name', async () => {
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'IMPROVEMENTS_IMPLEMENTED' });
    expect(entries.find((e) => e.name === 'Big')).toMatchObject({ value: 2, eligible: true });
    expect((await board({ period: Q2, entity: 'TEAM', metric: 'IMPROVEMENTS_IMPLEMENTED', level: 2 })).find((e) => e.name === 'Big North')).toMatchObject({ value: 1 });
    expect(entries.find((e) => e.name === 'Tiny')).toMatchObject({ value: 0, eligible: false });
    const ones = entries.filter((e) => e.eligible && e.value === 1).map((e) => e.name);
    expect(ones.indexOf('Gamma')).toBeLessThan(ones.indexOf('Alpha'));
    expect(ones.indexOf('Alpha')).toBeLessThan(ones.indexOf('Beta'));
    const managers = await board({ period: Q2, entity: 'MANAGER', metric: 'IMPROVEMENTS_IMPLEMENTED' });
    expect(managers.find((e) => e.name === 'Maria')).toMatchObject({ value: 2 });
  });

  it('reads one audience when asked; every identified one together otherwise', async () => {
    expect((await board({ period: Q2, entity: 'TEAM', metric: 'NPS', audience: 'CANDIDATE' })).every((e) => e.responses === 0)).toBe(true);
    expect((await board({ period: Q2, entity: 'TEAM', metric: 'NPS', audience: 'CUSTOMER' })).find((e) => e.name === 'Big').responses).toBe(200);
  });

  it('refuses bad input with a typed error naming the field', async () => {
    const input = { entity: 'TEAM', metric: 'NPS' };
    for (const [period, field] of [
      [{ year: 2025, quarter: 5 }, 'period.quarter'],
      [{ year: 1999 }, 'period.year'],
      [{ year: 2099, quarter: 1 }, 'period'],
    ] as const) {
      const res = await app.gql(BOARD, { input: { ...input, period } }, tokens.leader);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
  });
});

describe('employee response-rate leaderboard', () => {
  it('lists only teams of at least k invited without singling out a smaller group, and refuses NPS over employee answers', async () => {
    const empWave = await wave('EMPLOYEE', '2025-04-15T00:00:00Z');
    const parent = await unit('Staff', units.HQ);
    for (const [name, invited, answered] of [['E1', 8, 6], ['E2', 6, 2], ['E3', 2, 1], ['E4', 3, 3]] as const) {
      await insertTeam(app.db.dataSource.manager, empWave, { orgUnitId: await unit(name, parent), invited, answers: Array(answered).fill({ score: 9 }) });
    }
    // The widest level (Staff beside Big, Tiny, ...) by default; its sub-teams on their own level.
    const top = await board({ period: Q2, entity: 'TEAM', metric: 'RESPONSE_RATE', audience: 'EMPLOYEE' });
    expect(top.map((e) => [e.name, e.invited, e.responses])).toEqual([['Staff', 19, 12]]);
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'RESPONSE_RATE', audience: 'EMPLOYEE', level: 2 });
    // k = 5: E3 (2) and E4 (3) are absent.
    expect(entries.map((e) => [e.name, e.invited, e.responses])).toEqual(
      expect.arrayContaining([['E1', 8, 6], ['E2', 6, 2]]),
    );
    expect(names(entries).some((n) => n === 'E3' || n === 'E4')).toBe(false);
    expect(entries.every((e) => e.summary === null)).toBe(true);
    for (const metric of ['NPS', 'NPS_IMPROVEMENT', 'IMPROVEMENTS_IMPLEMENTED']) {
      const res = await app.gql(BOARD, { input: { period: Q2, entity: 'TEAM', metric, audience: 'EMPLOYEE' } }, tokens.leader);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'metric']);
    }
    const res = await app.gql(BOARD, { input: { period: Q2, entity: 'MANAGER', metric: 'RESPONSE_RATE', audience: 'EMPLOYEE' } }, tokens.leader);
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'entity']);
  });
});

describe('ranking order (property)', () => {
  const row = fc.record({
    entityId: fc.uuid(),
    name: fc.constantFrom('A', 'B', 'a', 'Ä', 'Zed', ''),
    count: fc.nat(5),
    responses: fc.nat(30),
  });
  it('puts eligible entries before ineligible ones, and the order is total and independent of the input order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.integer({ min: 1, max: 20 }), (rows, min) => {
        const subjects = rows.map((r) => ({ entityId: r.entityId, name: r.name, count: r.count, counts: { promoters: r.responses, passives: 0, detractors: 0 } }));
        const ranked = rankCounts(subjects, min);
        const reversed = rankCounts([...subjects].reverse(), min);
        expect(reversed.map((r) => r.entityId)).toEqual(ranked.map((r) => r.entityId));
        expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
        const firstIneligible = ranked.findIndex((r) => !r.eligible);
        if (firstIneligible >= 0) expect(ranked.slice(firstIneligible).every((r) => !r.eligible)).toBe(true);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          expect(compareRows(a, b)).toBeLessThanOrEqual(0);
          if (a.eligible === b.eligible && a.value === b.value) expect(a.responses).toBeGreaterThanOrEqual(b.responses);
        }
        expect(order(ranked).map((r) => r.entityId)).toEqual(ranked.map((r) => r.entityId));
        expect(ranked.every((r) => r.summary instanceof NpsSummary)).toBe(true);
      }),
    );
  });
});

describe('awards', () => {
  it('is finalized by a leader only, and not for a period that has not ended', async () => {
    for (const token of [tokens.admin, tokens.manager]) expect(codeOf(await app.gql(FINALIZE, { input: Q2 }, token))).toBe('FORBIDDEN');
    const now = new Date();
    const current = { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
    for (const input of [current, { year: now.getUTCFullYear() }, { year: 2090, quarter: 1 }]) {
      const res = await app.gql(FINALIZE, { input }, tokens.leader);
      expect([codeOf(res), fieldOf(res)]).toEqual(['INVALID_STATE', 'period']);
    }
    const res = await app.gql(FINALIZE, { input: { year: 2025, quarter: 0 } }, tokens.leader);
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'period.quarter']);
    expect(await sql(`SELECT * FROM award_periods WHERE organization_id = $1`, [org])).toEqual([]);
  });

  let frozen: any[];
  it('freezes the podium of every category with the numbers that won', async () => {
    const res = await app.gql(FINALIZE, { input: Q2 }, tokens.leader);
    expect(res.errors).toBeUndefined();
    frozen = res.data.finalizeAwards;
    const nps = frozen.filter((a: any) => a.category === 'TEAM · NPS');
    const top = (await board({ period: Q2, entity: 'TEAM', metric: 'NPS' })).filter((e) => e.eligible).slice(0, 3);
    expect(nps.map((a: any) => [a.rank, a.winnerName, a.value, a.responses, a.ciLow, a.entityId])).toEqual(
      top.map((e) => [e.rank, e.name, e.value, e.responses, e.ciLow, e.entityId]),
    );
    expect(frozen.every((a: any) => a.period === '2025-Q2' && !a.reopened)).toBe(true);
    expect(frozen.find((a: any) => a.category === 'TEAM · NPS_IMPROVEMENT' && a.rank === 1)).toMatchObject({ winnerName: 'Big' });
    expect(frozen.find((a: any) => a.category === 'TEAM · RESPONSE_RATE · EMPLOYEE' && a.rank === 1)).toMatchObject({ audience: 'EMPLOYEE', metric: 'RESPONSE_RATE' });
    expect(frozen.find((a: any) => a.category === 'MANAGER · NPS' && a.rank === 1)).toMatchObject({ winnerName: 'Maria', entity: 'MANAGER' });
  });

  it('lists winners with their podium to every role of the organization, and to no other organization', async () => {
    const res = await app.gql(AWARDS, { year: 2025 }, tokens.manager);
    expect(res.errors).toBeUndefined();
    const teamNps = res.data.awards.find((a: any) => a.category === 'TEAM · NPS');
    expect(teamNps.rank).toBe(1);
    expect(teamNps.runnersUp.map((a: any) => a.rank)).toEqual([2, 3]);
    expect(res.data.awards.every((a: any) => a.rank === 1)).toBe(true);
    expect((await app.gql(AWARDS, { year: 2025 }, tokens.demoLeader)).data.awards).toEqual([]);
    const other = await app.gql(`query($id: ID!) { award(id: $id) { id } }`, { id: teamNps.id }, tokens.demoLeader);
    expect(other.data.award).toBeNull();
    expect((await app.gql(`query($id: ID!) { award(id: $id) { winnerName } }`, { id: teamNps.id }, tokens.manager)).data.award.winnerName).toBe(teamNps.winnerName);
    expect((await app.gql(`query { award(id: "nope") { id } }`, {}, tokens.manager)).data.award).toBeNull();
    expect(names(await board({ period: Q2, entity: 'TEAM', metric: 'NPS' }, tokens.demoLeader))).not.toContain('Big');
  });

  it('stays as it was when answers come in, a team is renamed and moved after finalizing', async () => {
    await answers(await wave('CUSTOMER', '2025-05-03T00:00:00Z'), units.Tiny, people.Tom, scores(400, 0, 0), '2025-05-20');
    await sql(`UPDATE org_units SET name = 'Big renamed', parent_id = $2 WHERE id = $1`, [units.Big, units.Tiny]);
    const live = await board({ period: Q2, entity: 'TEAM', metric: 'NPS' });
    expect(live[0].name).not.toBe(frozen.find((a: any) => a.category === 'TEAM · NPS' && a.rank === 1).winnerName);
    const listed = (await app.gql(AWARDS, { year: 2025 }, tokens.leader)).data.awards;
    const again = listed.flatMap((a: any) => [a, ...a.runnersUp]).map(({ runnersUp: _, ...a }: any) => a);
    expect(again.sort((a: any, b: any) => a.id.localeCompare(b.id))).toEqual([...frozen].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('refuses to finalize the same period twice', async () => {
    const res = await app.gql(FINALIZE, { input: Q2 }, tokens.leader);
    expect([codeOf(res), fieldOf(res)]).toEqual(['CONFLICT', 'period']);
    expect((await sql(`SELECT count(*)::int AS n FROM awards WHERE organization_id = $1`, [org]))[0].n).toBe(frozen.length);
  });

  it('is reopened by an admin only, recorded with who, when and why; the next finalize replaces the awards', async () => {
    expect(codeOf(await app.gql(REOPEN, { input: Q2, note: 'Late import' }, tokens.leader))).toBe('FORBIDDEN');
    const blank = await app.gql(REOPEN, { input: Q2, note: '  ' }, tokens.admin);
    expect([codeOf(blank), fieldOf(blank)]).toEqual(['BAD_USER_INPUT', 'note']);
    const never = await app.gql(REOPEN, { input: { year: 2025, quarter: 1 }, note: 'x' }, tokens.admin);
    expect([codeOf(never), fieldOf(never)]).toEqual(['INVALID_STATE', 'period']);

    const res = await app.gql(REOPEN, { input: Q2, note: 'Late import of May answers' }, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.reopenAwards).toMatchObject({
      period: '2025-Q2',
      status: 'REOPENED',
      reopenNote: 'Late import of May answers',
      events: [{ kind: 'FINALIZED', byName: 'LEADER of lb' }, { kind: 'REOPENED', byName: 'ADMIN of lb', note: 'Late import of May answers' }],
    });
    expect(codeOf(await app.gql(REOPEN, { input: Q2, note: 'again' }, tokens.admin))).toBe('CONFLICT');
    expect((await app.gql(AWARDS, { year: 2025 }, tokens.leader)).data.awards.every((a: any) => a.reopened)).toBe(true);

    const refinal = await app.gql(FINALIZE, { input: Q2 }, tokens.leader);
    expect(refinal.errors).toBeUndefined();
    const winner = refinal.data.finalizeAwards.find((a: any) => a.category === 'TEAM · NPS' && a.rank === 1);
    expect(winner.winnerName).toBe('Tiny');
    expect(refinal.data.finalizeAwards.some((a: any) => frozen.some((f) => f.id === a.id))).toBe(false);
    const periods = await app.gql(`query { awardPeriods(year: 2025) { status events { kind } } }`, {}, tokens.manager);
    expect(periods.data.awardPeriods).toEqual([{ status: 'FINALIZED', events: [{ kind: 'FINALIZED' }, { kind: 'REOPENED' }, { kind: 'FINALIZED' }] }]);
  });

  it('exposes the leaderboard minimum on the organization, and the database refuses one below 1', async () => {
    expect((await app.gql(`query { organization { leaderboardMinResponses } }`, {}, tokens.manager)).data.organization.leaderboardMinResponses).toBe(10);
    await expect(sql(`UPDATE organizations SET settings = '{"leaderboardMinResponses": 0}' WHERE id = $1`, [org])).rejects.toThrow();
    await sql(`UPDATE organizations SET settings = '{"leaderboardMinResponses": 2}' WHERE id = $1`, [org]);
    const entries = await board({ period: Q2, entity: 'TEAM', metric: 'NPS' });
    expect(entries.find((e) => e.name === 'Small')?.eligible).toBe(true);
    await sql(`UPDATE organizations SET settings = '{}' WHERE id = $1`, [org]);
  });
});

describe('the demo organization', () => {
  it("finalizes awards of teams of one level: the company never wins a place, nor a team beside its own sub-team", async () => {
    const now = new Date();
    const q = Math.floor(now.getUTCMonth() / 3);
    const period = q === 0 ? { year: now.getUTCFullYear() - 1, quarter: 4 } : { year: now.getUTCFullYear(), quarter: q };
    const entries = await board({ period, entity: 'TEAM', metric: 'NPS' }, tokens.demoLeader);
    expect(names(entries)).not.toContain('Demo Company');
    expect(names(entries).some((n) => n === 'Sales EU' || n === 'Sales US')).toBe(false);
    const res = await app.gql(FINALIZE, { input: period }, tokens.demoLeader);
    expect(res.errors).toBeUndefined();
    const winners = res.data.finalizeAwards.filter((a: any) => a.entity === 'TEAM').map((a: any) => a.winnerName);
    expect(winners).not.toContain('Demo Company');
    expect(winners.some((n: string) => n === 'Sales EU' || n === 'Sales US')).toBe(false);
  });
});
