import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Team discussions (issue 20): a team records its discussion of a closed wave and the actions it
 * agreed; each action is an improvement of the team and the wave. Every refusal names its field
 * and changes nothing; another organization cannot read or record by guessing ids.
 */
let app: TestApp;
let marta: string;
let hr: string;
let cx: string;
let leader: string;
let otherCx: string;
let ids: { marta: string; cx: string; salesEu: string; salesUs: string; customerWave: string; employeeWave: string; openWave: string };

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const RECORD = `mutation($input: RecordDiscussionInput!) { recordDiscussion(input: $input) {
  id heldOn participants notes publish orgUnit { name } wave { id }
  actions { id title dueDate status audience owner { email } orgUnit { id } waves { wave { id } orgUnit { id } } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDiscussionInput!) { updateDiscussion(id: $id, input: $input) { id participants publish actions { title } } }`;
const SLOT = `query($waveId: ID!, $orgUnitId: ID!) { teamDiscussion(waveId: $waveId, orgUnitId: $orgUnitId) { canRecord teamSize discussion { id actions { title } } } }`;
const COVERAGE = `query($waveId: ID!) { discussionCoverage(waveId: $waveId) { waveId teams held share actions actionsDone actionsOverdue
  teamRows { orgUnit { name } discussion { participants } actions } } }`;

const counts = async () => (await q(`SELECT (SELECT count(*)::int FROM team_discussions) AS d, (SELECT count(*)::int FROM improvements) AS i`))[0];

beforeAll(async () => {
  app = await startTestApp();
  [marta, hr, cx, leader] = await Promise.all(['manager@demo.test', 'hr@demo.test', 'cx@demo.test', 'leader@demo.test'].map((e) => app.login(e)));
  const users = await q(`SELECT id, email FROM users WHERE email = ANY($1)`, [['manager@demo.test', 'cx@demo.test']]);
  const unit = async (name: string) => (await q(`SELECT id FROM org_units WHERE name = $1`, [name]))[0].id as string;
  const [customer] = await q(`SELECT id FROM waves WHERE audience = 'CUSTOMER' AND status = 'CLOSED' AND kind = 'WAVE' ORDER BY closed_at DESC LIMIT 1`);
  const [employee] = await q(`SELECT id FROM waves WHERE audience = 'EMPLOYEE' AND status = 'CLOSED' ORDER BY closed_at DESC LIMIT 1`);
  ids = {
    marta: users.find((u: { email: string }) => u.email === 'manager@demo.test').id,
    cx: users.find((u: { email: string }) => u.email === 'cx@demo.test').id,
    salesEu: await unit('Sales EU'),
    salesUs: await unit('Sales US'),
    customerWave: customer.id,
    employeeWave: employee.id,
    openWave: await openWave(app, cx, { name: 'Discussion wave still open' }),
  };
  const other = await createOrganization(app.db.dataSource.manager, 'disc-other', ['CX']);
  otherCx = await app.login(other.users.CX, other.password);
});
afterAll(() => app?.close());

const input = (over: Record<string, unknown> = {}) => ({
  waveId: ids.customerWave,
  orgUnitId: ids.salesEu,
  heldOn: day(-1),
  participants: 6,
  notes: 'We went through the comments together.',
  actions: [
    { title: 'Confirm every shift the day before', ownerId: ids.marta, dueOn: day(30) },
    { title: 'Weekly status mail to clients', description: 'Every Friday', ownerId: ids.cx, dueOn: day(45) },
  ],
  ...over,
});

describe('recording a discussion', () => {
  it('refuses bad input, naming the field, and changes nothing', async () => {
    const before = await counts();
    const cases: [string, Record<string, unknown>, string, string][] = [
      [marta, { waveId: ids.openWave }, 'INVALID_STATE', 'input.waveId'],
      [marta, { orgUnitId: ids.salesUs }, 'FORBIDDEN', 'input.orgUnitId'],
      [hr, {}, 'FORBIDDEN', 'input.waveId'],
      [cx, { waveId: ids.employeeWave }, 'FORBIDDEN', 'input.waveId'],
      [marta, { actions: [{ title: 'Fine', ownerId: ids.marta, dueOn: day(3) }, { title: '   ', ownerId: ids.marta, dueOn: day(3) }] }, 'BAD_USER_INPUT', 'input.actions[1].title'],
      [marta, { actions: [{ title: 'Late', ownerId: ids.marta, dueOn: day(-2) }] }, 'BAD_USER_INPUT', 'input.actions[0].dueOn'],
      [marta, { actions: [{ title: 'Nobody', ownerId: '00000000-0000-4000-8000-000000000000', dueOn: day(3) }] }, 'NOT_FOUND', 'input.actions[0].ownerId'],
      [marta, { participants: 0 }, 'BAD_USER_INPUT', 'input.participants'],
      [marta, { heldOn: day(2) }, 'BAD_USER_INPUT', 'input.heldOn'],
      [hr, { waveId: ids.employeeWave, participants: 500 }, 'BAD_USER_INPUT', 'input.participants'],
      [marta, { waveId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.waveId'],
    ];
    for (const [token, over, code, field] of cases) {
      const res = await app.gql(RECORD, { input: input(over) }, token);
      expect([codeOf(res), fieldOf(res)], JSON.stringify(over)).toEqual([code, field]);
    }
    expect(await counts()).toEqual(before);
  });

  it('records the discussion of a manager\'s team; each action is an improvement of the team and the wave with its owner and due date', async () => {
    const res = await app.gql(RECORD, { input: input() }, marta);
    expect(res.errors).toBeUndefined();
    const d = res.data.recordDiscussion;
    expect(d).toMatchObject({ heldOn: day(-1), participants: 6, publish: false, orgUnit: { name: 'Sales EU' } });
    expect(d.actions.map((a: any) => [a.title, a.dueDate, a.status, a.audience, a.owner.email, a.orgUnit.id])).toEqual([
      ['Confirm every shift the day before', day(30), 'PROPOSED', 'CUSTOMER', 'manager@demo.test', ids.salesEu],
      ['Weekly status mail to clients', day(45), 'PROPOSED', 'CUSTOMER', 'cx@demo.test', ids.salesEu],
    ]);
    expect(d.actions[0].waves).toEqual([{ wave: { id: ids.customerWave }, orgUnit: { id: ids.salesEu } }]);
    // The improvements board lists them for the wave and the team.
    const board = await app.gql(`query($f: ImprovementFilter) { improvements(filter: $f) { edges { node { title dueDate } } } }`, { f: { waveIds: [ids.customerWave], orgUnitIds: [ids.salesEu] } }, cx);
    expect(board.data.improvements.edges.map((e: any) => e.node.title)).toEqual(expect.arrayContaining(['Confirm every shift the day before', 'Weekly status mail to clients']));

    const again = await app.gql(RECORD, { input: input() }, marta);
    expect([codeOf(again), fieldOf(again)]).toEqual(['CONFLICT', 'input.orgUnitId']);

    const slot = await app.gql(SLOT, { waveId: ids.customerWave, orgUnitId: ids.salesEu }, marta);
    expect(slot.data.teamDiscussion).toMatchObject({ canRecord: true, teamSize: null, discussion: { id: d.id } });

    const updated = await app.gql(UPDATE, { id: d.id, input: { participants: 7, publish: true, addActions: [{ title: 'Third', ownerId: ids.marta, dueOn: day(10) }] } }, marta);
    expect(updated.data.updateDiscussion).toMatchObject({ participants: 7, publish: true, actions: [{}, {}, { title: 'Third' }] });
    const bad = await app.gql(UPDATE, { id: d.id, input: { addActions: [{ title: '', ownerId: ids.marta, dueOn: day(10) }] } }, marta);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'input.addActions[0].title']);
  });

  it('links an employee team\'s actions to the wave and team only, never to an answer', async () => {
    const before = (await q(`SELECT count(*)::int AS n FROM improvement_responses`))[0].n;
    const res = await app.gql(RECORD, { input: input({ waveId: ids.employeeWave, participants: 3, actions: [{ title: 'Quarterly team day', ownerId: ids.marta, dueOn: day(60) }] }) }, hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordDiscussion.actions[0]).toMatchObject({ audience: 'EMPLOYEE', waves: [{ wave: { id: ids.employeeWave }, orgUnit: { id: ids.salesEu } }] });
    expect((await q(`SELECT count(*)::int AS n FROM improvement_responses`))[0].n).toBe(before);
    const slot = await app.gql(SLOT, { waveId: ids.employeeWave, orgUnitId: ids.salesEu }, hr);
    expect(slot.data.teamDiscussion.teamSize).toBeGreaterThanOrEqual(3);
  });
});

describe('coverage', () => {
  it('shows HR and CX which teams held their discussion, and the board per wave', async () => {
    const res = await app.gql(COVERAGE, { waveId: ids.customerWave }, cx);
    const c = res.data.discussionCoverage;
    // Sales EU here, and Sales US in the demo (two actions, one implemented).
    expect(c.held).toBe(2);
    expect(c.teams).toBeGreaterThanOrEqual(2);
    expect(c.share).toBeCloseTo(2 / c.teams);
    expect([c.actions, c.actionsDone, c.actionsOverdue]).toEqual([5, 1, 0]);
    expect(c.teamRows.slice(0, 2).map((t: any) => t.orgUnit.name).sort()).toEqual(['Sales EU', 'Sales US']);
    expect(c.teamRows.find((t: any) => t.orgUnit.name === 'Sales EU')).toMatchObject({ discussion: { participants: 7 }, actions: 3 });
    expect(c.teamRows.slice(2).every((t: any) => t.discussion === null)).toBe(true);
    // HR does not oversee customer waves; a manager reads no coverage at all.
    expect(codeOf(await app.gql(COVERAGE, { waveId: ids.customerWave }, hr))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(COVERAGE, { waveId: ids.customerWave }, marta))).toBe('FORBIDDEN');
    expect((await app.gql(COVERAGE, { waveId: ids.employeeWave }, hr)).data.discussionCoverage.held).toBeGreaterThanOrEqual(1);

    // An action past its due date counts as overdue on the board.
    await q(`UPDATE improvements SET due_date = current_date - 3 WHERE title = 'Third'`);
    const board = await app.gql(`{ board { discussions { waveId teams held share actions actionsDone actionsOverdue } } }`, {}, leader);
    expect(board.errors).toBeUndefined();
    const employee = board.data.board.discussions.find((w: any) => w.waveId === ids.employeeWave);
    expect(employee).toMatchObject({ held: expect.any(Number), actions: expect.any(Number) });
    const overdue = await app.gql(COVERAGE, { waveId: ids.customerWave }, leader);
    expect(overdue.data.discussionCoverage.actionsOverdue).toBe(1);
  });
});

describe('coverage counts the teams that get a pack', () => {
  it('in a customer wave: every unit with answers and every unit above one, as the packs list them', async () => {
    const coverage = (await app.gql(COVERAGE, { waveId: ids.customerWave }, cx)).data.discussionCoverage;
    const packs = (await app.gql(`query($w: ID!) { teamPacks(waveId: $w) { orgUnitName } }`, { w: ids.customerWave }, cx)).data.teamPacks;
    const names = (list: { name?: string; orgUnitName?: string }[]) => list.map((t) => t.orgUnitName ?? t.name).sort();
    expect(names(coverage.teamRows.map((t: any) => t.orgUnit))).toEqual(names(packs));
    expect(coverage.teams).toBe(packs.length);
    // Sales has no answers of its own in the demo, only through Sales EU and Sales US.
    expect(names(packs)).toContain('Sales');
  });
});

describe('tenancy', () => {
  it('another organization can neither read nor record by guessing ids', async () => {
    const before = await counts();
    const read = await app.gql(SLOT, { waveId: ids.customerWave, orgUnitId: ids.salesEu }, otherCx);
    expect([codeOf(read), fieldOf(read)]).toEqual(['NOT_FOUND', 'waveId']);
    expect(codeOf(await app.gql(COVERAGE, { waveId: ids.customerWave }, otherCx))).toBe('NOT_FOUND');
    const rec = await app.gql(RECORD, { input: input({ actions: [] }) }, otherCx);
    expect([codeOf(rec), fieldOf(rec)]).toEqual(['NOT_FOUND', 'input.waveId']);
    const [{ id }] = await q(`SELECT id FROM team_discussions LIMIT 1`);
    const upd = await app.gql(UPDATE, { id, input: { participants: 2 } }, otherCx);
    expect([codeOf(upd), fieldOf(upd)]).toEqual(['NOT_FOUND', 'id']);
    expect(await counts()).toEqual(before);
  });
});

describe('reminders and programme news', () => {
  it('mails the owner before the due date and the CX team once it passes, each once, by the injected clock', async () => {
    const { buildContext, systemPrincipal } = await import('../src/kernel/context.js');
    const { createLoaders } = await import('../src/graphql/loaders.js');
    const { dueActionReminders, sendActionReminder } = await import('../src/loop/discussions/action-reminders.js');
    const { mailsTo } = await import('./support/surveys.js');
    const [{ organization_id: org }] = await q(`SELECT organization_id FROM waves WHERE id = $1`, [ids.customerWave]);
    const ctx = () => buildContext({ requestId: 'test', logger: app.services.logger, app: app.services, db: app.db.dataSource.manager, principal: systemPrincipal(org), authError: null, createLoaders });
    const res = await app.gql(RECORD, { input: input({ orgUnitId: ids.salesEu, waveId: (await q(`SELECT id FROM waves WHERE audience = 'CUSTOMER' AND status = 'CLOSED' AND kind = 'WAVE' ORDER BY closed_at ASC LIMIT 1`))[0].id, actions: [{ title: 'Remind me', ownerId: ids.marta, dueOn: day(10) }] }) }, marta);
    expect(res.errors).toBeUndefined();
    const id = res.data.recordDiscussion.actions[0].id;
    const run = async () => {
      for (const item of (await dueActionReminders(app.db.dataSource.manager, app.services.now())).filter((d) => d.job.id === id)) await sendActionReminder(ctx(), item.job);
    };
    const realNow = app.services.now;
    const ownerMails = () => mailsTo(app, 'manager@demo.test').filter((m) => m.raw.includes('Remind me'));
    const cxMails = () => mailsTo(app, 'cx@demo.test').filter((m) => m.raw.includes('Remind me'));
    try {
      await run();
      expect(ownerMails()).toHaveLength(0);
      app.services.now = () => new Date(Date.now() + 8 * 86_400_000);
      await run();
      await run();
      expect(ownerMails()).toHaveLength(1);
      expect(ownerMails()[0].raw).toContain('Content-Language: pl');
      expect(cxMails()).toHaveLength(0);
      app.services.now = () => new Date(Date.now() + 12 * 86_400_000);
      await run();
      await run();
      expect(cxMails()).toHaveLength(1);
      expect(cxMails()[0].body).toContain('Overdue');
      expect(ownerMails()).toHaveLength(1);
    } finally {
      app.services.now = realNow;
    }
  });

  it('shows the programme news and mails it monthly in the user\'s language, once, unless turned off', async () => {
    const news = await app.gql(`{ programmeNews { from to implemented { title effect { change } } awards { category winnerName } coverage { waveId held teams } quote { waveName title } } }`, {}, marta);
    expect(news.errors).toBeUndefined();
    expect(news.data.programmeNews.coverage.length).toBeGreaterThan(0);
    const { dueNewsDigests, newsMoment, sendNewsDigest } = await import('../src/loop/news/news-digest.js');
    const { buildContext, systemPrincipal } = await import('../src/kernel/context.js');
    const { createLoaders } = await import('../src/graphql/loaders.js');
    const { mailsTo } = await import('./support/surveys.js');
    // The 1st of a month, 07:30 in Warsaw: not yet; 09:00: due; the 4th: no longer.
    expect(newsMoment(new Date(Date.UTC(2027, 1, 1, 6, 30)), 'Europe/Warsaw')).toBeNull();
    expect(newsMoment(new Date(Date.UTC(2027, 1, 1, 8, 0)), 'Europe/Warsaw')?.covered.month).toBe('2027-01');
    expect(newsMoment(new Date(Date.UTC(2027, 1, 4, 8, 0)), 'Europe/Warsaw')).toBeNull();
    const at = new Date(Date.UTC(2027, 1, 1, 9, 0));
    const due = (await dueNewsDigests(app.db.dataSource.manager, at)).filter((d) => d.job.id === ids.marta);
    expect(due).toHaveLength(1);
    const [{ organization_id: org }] = await q(`SELECT organization_id FROM users WHERE id = $1`, [ids.marta]);
    const realNow = app.services.now;
    app.services.now = () => at;
    try {
      const ctx = buildContext({ requestId: 'test', logger: app.services.logger, app: app.services, db: app.db.dataSource.manager, principal: systemPrincipal(org), authError: null, createLoaders });
      expect(await sendNewsDigest(ctx, due[0].job)).toBe(true);
      expect(await sendNewsDigest(ctx, due[0].job)).toBe(false);
      const mails = mailsTo(app, 'manager@demo.test').filter((m) => m.raw.includes('X-Tandem-Notification: PROGRAMME_NEWS'));
      expect(mails).toHaveLength(1);
      expect(mails[0].raw).toContain('Content-Language: pl');
      expect(mails[0].body).toContain('Wiadomości z programu za 2027-01');
      expect((await dueNewsDigests(app.db.dataSource.manager, at)).filter((d) => d.job.id === ids.marta)).toEqual([]);
    } finally {
      app.services.now = realNow;
    }
    // Opt-out: turned off, nothing is due next month.
    const off = await app.gql(`mutation { updateNotificationPreferences(input: { mails: [{ kind: "PROGRAMME_NEWS", enabled: false }] }) { mails { kind enabled } } }`, {}, marta);
    expect(off.data.updateNotificationPreferences.mails).toContainEqual({ kind: 'PROGRAMME_NEWS', enabled: false });
    expect((await dueNewsDigests(app.db.dataSource.manager, new Date(Date.UTC(2027, 2, 1, 9, 0)))).filter((d) => d.job.id === ids.marta)).toEqual([]);
  });

  it('gives the public page a section per team that chose to publish', async () => {
    const [{ id: waveId }] = await q(`SELECT d.wave_id AS id FROM team_discussions d JOIN org_units u ON u.id = d.org_unit_id WHERE u.name = 'Sales EU' AND d.publish LIMIT 1`);
    const path = (await app.gql(`mutation($waveId: ID!) { shareWaveOutcome(waveId: $waveId) }`, { waveId }, cx)).data.shareWaveOutcome as string;
    const token = path.split('/').pop();
    const page = await app.gql(`query($token: String!) { youSaidWeDid(token: $token) { teams { teamName actions { title done dueOn } } } }`, { token });
    expect(page.errors).toBeUndefined();
    const team = page.data.youSaidWeDid.teams.find((t: any) => t.teamName === 'Sales EU');
    expect(team.actions.map((a: any) => a.title)).toContain('Confirm every shift the day before');
    expect(JSON.stringify(page.data)).not.toContain('We went through the comments');
  });
});
