import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATES, RELEASE, readLive, withoutParticipation, type Read } from './support/anonymity-reads.js';
import { PEOPLE, WAVE1, buildScenario, type Person, type Scenario } from './support/anonymity-scenario.js';
import { outbox } from './support/surveys.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 14, the attacks on a running employee wave, replayed through the API on the scenario
 * (k = 5, Product = Alpha 6 + Beta 5 + Gamma 5): polling every result around each answer (2),
 * moving people between teams and reading the response rates again (1), importing invented
 * colleagues and inviting them on the open wave (6). Each must recover nothing: while the wave
 * runs only participation changes, and only as the laminar participation groups show it.
 */

let app: TestApp;
let s: Scenario;
let wave: { id: string; links: Record<string, string> };
const answered: string[] = [];

const rates = async () =>
  ((await s.ok(RATES, { waveId: wave.id })).responseRatesByOrgUnit as { key: string; invited: number; responded: number }[]).map((r) => ({ key: r.key, invited: r.invited, responded: r.responded }));

/** Answers one more person while an attacker polls every read before and after. */
async function pollAround(key: string) {
  const before = await readLive(s, wave.id);
  await s.answer(wave.links[`${key}@redteam.test`], WAVE1[key]);
  answered.push(key);
  const after = await readLive(s, wave.id);
  // Nothing but participation differs; no result of the wave is shown at all.
  expect(withoutParticipation(after)).toEqual(withoutParticipation(before));
  for (const r of after) expect(JSON.stringify(r.data), r.label).not.toMatch(/"(promoters|passives|detractors|responses)":[1-9]|"comments":\["|"count":[1-9]|"scoreDistribution":\[\d/);
  return { before, after };
}

const dataOf = (reads: Read[], label: string) => reads.find((r) => r.label === label)!.data as Record<string, any>;

beforeAll(async () => {
  app = await startTestApp();
  s = await buildScenario(app);
  wave = await s.openEmployeeWave('Pulse live');
  expect(Object.keys(wave.links).sort()).toEqual(PEOPLE.map((p) => p.email).sort());
}, 240_000);
afterAll(() => app?.close());

describe('attack 2: polling every result while answers arrive', () => {
  it('shows before and after each answer nothing but participation: no score, category, comment or theme count', async () => {
    const { before, after } = await pollAround('a1');
    for (const key of ['a2', 'a3', 'a4', 'b1', 'b2']) await pollAround(key);
    // What did change: participation, and only through the whole wave and the shown teams.
    expect(dataOf(before, 'wave').wave).toMatchObject({ invited: 16, responded: 0, scoreDistribution: [], summary: { suppressed: true, hiddenReason: 'NOT_RELEASED' } });
    expect(dataOf(after, 'wave').wave).toMatchObject({ invited: 16, responded: 1 });
    expect(dataOf(after, 'release').employeeRelease).toBeNull();
  }, 180_000);

  it('reads the same for an admin, and the same or FORBIDDEN for an API client with analytics:read', async () => {
    const asHr = withoutParticipation(await readLive(s, wave.id)) as { label: string; data: unknown }[];
    // An admin's board also has the identified audiences: compare the employee reads.
    const employeeOnly = (reads: { label: string }[]) => reads.filter((r) => r.label !== 'board');
    expect(employeeOnly(withoutParticipation(await readLive(s, wave.id, s.tokens.admin)) as { label: string }[])).toEqual(employeeOnly(asHr));
    const asApi = withoutParticipation(await readLive(s, wave.id, s.tokens.api)) as { label: string; data: unknown }[];
    asApi.forEach((r, i) => {
      if (r.label === 'board' || JSON.stringify(r.data).includes('FORBIDDEN')) return;
      expect(r, r.label).toEqual(asHr[i]);
    });
  });
});

describe('the identified paths (responses, follow-ups) as an admin', () => {
  it('hold no employee answer: no response, no follow-up of the wave, whatever the filter', async () => {
    const q = `query($f: ResponseFilter) { responses(filter: $f, first: 100) { totalCount edges { node { id wave { id } } } } }`;
    for (const f of [{ audience: 'EMPLOYEE' }, { waveIds: [wave.id] }, {}]) {
      const res = await s.gql(q, { f }, s.tokens.admin);
      const found = res.errors ? [] : (res.data.responses.edges as { node: { wave: { id: string } } }[]).filter((e) => e.node.wave.id === wave.id);
      expect(found, JSON.stringify(f)).toEqual([]);
    }
    const followUps = await s.gql(`query { followUps(first: 100) { totalCount } }`, {}, s.tokens.admin);
    expect(followUps.data?.followUps.totalCount ?? 0).toBe(0);
  });
});

describe('attack 1: moving one person into a team and reading the response rates again', () => {
  it('changes no rate: participation counts people as the wave snapshot has them', async () => {
    const before = await rates();
    // a4 has answered, a5 has not: moved from Alpha into Beta, each in turn.
    for (const key of ['a4', 'a5']) {
      const moved = PEOPLE.map((p) => (p.key === key ? { ...p, team: 'Beta' as const } : p));
      await s.importRoster(moved);
      expect(await rates()).toEqual(before);
      await s.importRoster(PEOPLE);
      expect(await rates()).toEqual(before);
    }
  });

  it('shows a team only where what is left of its parent is 0 or at least k people', async () => {
    const rows = await rates();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const row of rows) {
      const children = rows.filter((r) => r !== row && (r.key === `unit:${s.units.Alpha}` || r.key === `unit:${s.units.Beta}` || r.key === `unit:${s.units.Gamma}`));
      if (row.key !== `unit:${s.units.product}`) continue;
      const rest = row.invited - children.reduce((n, c) => n + c.invited, 0);
      expect(rest === 0 || rest >= 5).toBe(true);
    }
    expect(byKey.get('all')!.invited).toBe(16);
  });
});

describe('attack 6: fake colleagues imported and invited while the wave runs', () => {
  it('invites nobody new: the five invented colleagues of the only Remote person get no link and change no count', async () => {
    const before = await rates();
    const fakes: Person[] = [1, 2, 3, 4, 5].map((i) => ({ key: `fake${i}`, email: `fake${i}@redteam.test`, team: 'Alpha', location: 'Remote', tenureBand: '3+' }));
    const imported = await s.importRoster([...PEOPLE, ...fakes]);
    expect(imported.created).toBe(5);
    // The import is in the roster's audit trail, which employees see as counts before a wave.
    const trail = (await s.ok(`query { rosterChanges(first: 5) { edges { node { kind email orgUnit { name } } } } }`)).rosterChanges.edges;
    expect(trail.map((e: { node: { kind: string; email: string; orgUnit: { name: string } } }) => `${e.node.kind} ${e.node.orgUnit.name} ${e.node.email.slice(0, 4)}`)).toEqual(
      new Array(5).fill('ADDED Alpha fake'),
    );
    const mails = outbox(app).length;
    const invited = await s.ok(`mutation($w: ID!) { inviteToWave(waveId: $w, target: { all: true }) { invited alreadyInvited } }`, { w: wave.id });
    expect(invited.inviteToWave).toMatchObject({ invited: 0, alreadyInvited: 16 });
    const reminded = await s.ok(`mutation($w: ID!) { remindWave(waveId: $w) { reminded } }`, { w: wave.id });
    expect(outbox(app).slice(mails).some((m) => m.to.startsWith('fake'))).toBe(false);
    expect(reminded.remindWave.reminded).toBeLessThanOrEqual(16 - answered.length);
    expect(await rates()).toEqual(before);
    const [{ n }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM employee_participations p JOIN employees e ON e.id = p.employee_id WHERE p.wave_id = $1 AND e.email LIKE 'fake%'`,
      [wave.id],
    );
    expect(n).toBe(0);
    await s.importRoster(PEOPLE);
  });
});

describe('the wave closes: the release is made from the snapshot taken at the first invitation', () => {
  it('polls through the remaining answers with nothing but participation changing', async () => {
    for (const key of Object.keys(WAVE1).filter((k) => !answered.includes(k))) await pollAround(key);
    expect(answered).toHaveLength(13);
  }, 180_000);

  it('releases groups of the people invited, whatever the roster says now (moves and fakes change nothing)', async () => {
    // The roster at close: a4 in Beta, five fakes beside a6 in Remote.
    await s.importRoster([
      ...PEOPLE.map((p) => (p.key === 'a4' ? { ...p, team: 'Beta' as const } : p)),
      ...[1, 2, 3, 4, 5].map((i) => ({ email: `fake${i}@redteam.test`, team: 'Alpha', location: 'Remote', tenureBand: '3+' })),
    ]);
    await s.closeWave(wave.id);
    const release = (await s.ok(RELEASE, { waveId: wave.id })).employeeRelease;
    const invited = Object.fromEntries(release.groups.map((g: { key: string; invited: number }) => [g.key, g.invited]));
    expect(invited).toMatchObject({ all: 16, [`unit:${s.units.Alpha}`]: 6, [`unit:${s.units.Beta}`]: 5, 'location:Remote': 1 });
    const remote = release.groups.find((g: { key: string }) => g.key === 'location:Remote');
    expect(remote.summary).toMatchObject({ suppressed: true, promoters: null });
    expect(release.audit.determined).toBe(0);
  });
});
