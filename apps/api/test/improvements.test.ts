import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareNps } from '@tandem/nps-core';
import { createOrganization } from './support/fixtures.js';
import { insertFollowUp, insertResponses } from './support/survey-data.js';
import { openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Stage 4 of the cycle: improvements logged from feedback, moved through their states with a
 * history, linked only to what the caller may link (never an employee answer), their effect
 * measured, counted on the board and the wave, and published on the wave's public page.
 */
let app: TestApp;
let cx: string;
let hr: string;
let marta: string;
let jessica: string;
let leader: string;
let admin: string;
let ids: { marta: string; jessica: string; cx: string; sales: string };
let waveId: string;
let employeeWaveId: string;
let other: Awaited<ReturnType<typeof createOrganization>>;
let otherCx: string;

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);

const FIELDS = `id title description status audience dueDate overdue implementedAt createdAt
  owner { email } orgUnit { id name }
  themes { id name nameTranslations { language text } audiences }
  titleTranslations { language text } canEdit
  responses { id score reason }
  followUps { id }
  waves { wave { id audience } orgUnit { id } }
  history { from to note at by { email } }`;
const CREATE = `mutation($input: CreateImprovementInput!) { createImprovement(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($id: ID!, $status: ImprovementStatus!, $note: String) { setImprovementStatus(id: $id, status: $status, note: $note) { ${FIELDS} } }`;
const GET = `query($id: ID!) { improvement(id: $id) { ${FIELDS}
  effect { change significant themesApplied tooEarly minimumResponses beforeFrom beforeTo afterFrom afterTo
    before { responses promoters passives detractors nps ciLow ciHigh suppressed }
    after { responses promoters passives detractors nps ciLow ciHigh suppressed } } } }`;
const LINK = `mutation($id: ID!, $responseIds: [ID!], $themeIds: [ID!], $followUpIds: [ID!], $waves: [ImprovementWaveInput!]) {
  linkFeedback(improvementId: $id, responseIds: $responseIds, themeIds: $themeIds, followUpIds: $followUpIds, waves: $waves) { ${FIELDS} } }`;
const LIST = `query($filter: ImprovementFilter, $first: Int, $after: String) {
  improvements(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status overdue } } } }`;
const FROM_FOLLOW_UP = `mutation($followUpId: ID!, $title: String) { createImprovementFromFollowUp(followUpId: $followUpId, title: $title) { ${FIELDS} } }`;
const SHARE = `mutation($waveId: ID!) { shareWaveOutcome(waveId: $waveId) }`;
const PUBLIC = `query($token: String!, $language: String) { youSaidWeDid(token: $token, language: $language) {
  waveName organizationName language languages improvements { title description implementedOn } } }`;

async function create(token: string, input: Record<string, unknown>) {
  const res = await app.gql(CREATE, { input }, token);
  if (!res.data?.createImprovement) throw new Error(`createImprovement failed: ${JSON.stringify(res.errors)}`);
  return res.data.createImprovement as { id: string; [k: string]: any };
}

const count = async (table: string) => (await q(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

beforeAll(async () => {
  app = await startTestApp();
  [cx, hr, marta, jessica, leader, admin] = await Promise.all(
    ['cx@demo.test', 'hr@demo.test', 'manager@demo.test', 'manager.us@demo.test', 'leader@demo.test', 'admin@demo.test'].map((e) => app.login(e)),
  );
  const users = await q(`SELECT id, email FROM users WHERE email = ANY($1)`, [['manager@demo.test', 'manager.us@demo.test', 'cx@demo.test']]);
  const idOf = (email: string) => users.find((u: { email: string }) => u.email === email).id;
  const [sales] = await q(`SELECT id FROM org_units WHERE name = 'Sales'`);
  ids = { marta: idOf('manager@demo.test'), jessica: idOf('manager.us@demo.test'), cx: idOf('cx@demo.test'), sales: sales.id };
  waveId = await openWave(app, cx, { name: 'Improvement wave', languages: ['en', 'pl'] });
  [{ id: employeeWaveId }] = await q(`SELECT id FROM waves WHERE audience = 'EMPLOYEE' AND status <> 'DRAFT' LIMIT 1`);
  other = await createOrganization(app.db.dataSource.manager, 'imp-other', ['CX']);
  otherCx = await app.login(other.users.CX, other.password);
});
afterAll(() => app?.close());

describe('the status machine', () => {
  const STATUSES = ['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'REJECTED'] as const;
  // Written out by hand: one step forward, or REJECTED from an open state; IMPLEMENTED cannot be rejected.
  const ALLOWED = new Set(['PROPOSED>PLANNED', 'PLANNED>IN_PROGRESS', 'IN_PROGRESS>IMPLEMENTED', 'IMPLEMENTED>VERIFIED', 'PROPOSED>REJECTED', 'PLANNED>REJECTED', 'IN_PROGRESS>REJECTED']);
  const cases = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to, allowed: ALLOWED.has(`${from}>${to}`) })));

  it.each(cases)('$from → $to allowed: $allowed', async ({ from, to, allowed }) => {
    const { id } = await create(cx, { title: `Move ${from} to ${to}` });
    await q(`UPDATE improvements SET status = $2 WHERE id = $1`, [id, from]);
    const events = await count('improvement_events');
    const res = await app.gql(MOVE, { id, status: to, note: 'why' }, cx);
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data.setImprovementStatus.status).toBe(to);
      expect(res.data.setImprovementStatus.history.at(-1)).toMatchObject({ from, to, note: 'why', by: { email: 'cx@demo.test' } });
      expect(await count('improvement_events')).toBe(events + 1);
    } else {
      expect(codeOf(res)).toBe('INVALID_STATE');
      expect(fieldOf(res)).toBe('status');
      const [row] = await q(`SELECT status, implemented_at FROM improvements WHERE id = $1`, [id]);
      expect(row.status).toBe(from);
      expect(row.implemented_at).toBeNull();
      expect(await count('improvement_events')).toBe(events);
    }
  });

  it('records creation and every move with who, when and the note, and sets implementedAt once', async () => {
    const created = await create(marta, { title: 'Weekly status mail to clients', description: 'Every Friday', audience: 'CUSTOMER' });
    expect(created.status).toBe('PROPOSED');
    expect(created.owner.email).toBe('manager@demo.test');
    expect(created.history).toEqual([{ from: null, to: 'PROPOSED', note: null, at: expect.any(String), by: { email: 'manager@demo.test' } }]);
    await app.gql(MOVE, { id: created.id, status: 'PLANNED', note: '  Agreed with the team  ' }, cx);
    await app.gql(MOVE, { id: created.id, status: 'IN_PROGRESS' }, marta);
    const implemented = (await app.gql(MOVE, { id: created.id, status: 'IMPLEMENTED', note: 'Live' }, marta)).data.setImprovementStatus;
    expect(implemented.implementedAt).not.toBeNull();
    const verified = (await app.gql(MOVE, { id: created.id, status: 'VERIFIED' }, cx)).data.setImprovementStatus;
    expect(verified.implementedAt).toBe(implemented.implementedAt);
    expect(verified.history.map((e: any) => [e.from, e.to, e.note, e.by.email])).toEqual([
      [null, 'PROPOSED', null, 'manager@demo.test'],
      ['PROPOSED', 'PLANNED', 'Agreed with the team', 'cx@demo.test'],
      ['PLANNED', 'IN_PROGRESS', null, 'manager@demo.test'],
      ['IN_PROGRESS', 'IMPLEMENTED', 'Live', 'manager@demo.test'],
      ['IMPLEMENTED', 'VERIFIED', null, 'cx@demo.test'],
    ]);
    const times = verified.history.map((e: any) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('refuses a note that is too long, an unknown id, and moves by LEADER or another manager', async () => {
    const { id } = await create(marta, { title: 'Note length' });
    expect(fieldOf(await app.gql(MOVE, { id, status: 'PLANNED', note: 'x'.repeat(2001) }, cx))).toBe('note');
    expect(codeOf(await app.gql(MOVE, { id: '00000000-0000-4000-8000-000000000000', status: 'PLANNED' }, cx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(MOVE, { id: 'nope', status: 'PLANNED' }, cx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(MOVE, { id, status: 'PLANNED' }, leader))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(MOVE, { id, status: 'PLANNED' }, jessica))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(MOVE, { id, status: 'PLANNED' }, otherCx))).toBe('NOT_FOUND');
    expect((await q(`SELECT status FROM improvements WHERE id = $1`, [id]))[0].status).toBe('PROPOSED');
  });

  it('offers each caller exactly the moves the server would accept from them (nextStatuses)', async () => {
    const { id } = await create(marta, { title: 'Who may move it' });
    const next = async (token: string) => (await app.gql(`query($id: ID!) { improvement(id: $id) { nextStatuses } }`, { id }, token)).data.improvement.nextStatuses;
    expect(await next(marta)).toEqual(['PLANNED', 'REJECTED']);
    expect(await next(cx)).toEqual(['PLANNED', 'REJECTED']);
    expect(await next(jessica)).toEqual([]);
    expect(await next(leader)).toEqual([]);
    await app.gql(MOVE, { id, status: 'REJECTED' }, cx);
    expect(await next(cx)).toEqual([]);
  });
});

describe('creating and editing', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await count('improvements');
    expect(fieldOf(await app.gql(CREATE, { input: { title: '   ' } }, cx))).toBe('input.title');
    expect(fieldOf(await app.gql(CREATE, { input: { title: 'x'.repeat(201) } }, cx))).toBe('input.title');
    expect(fieldOf(await app.gql(CREATE, { input: { title: 'T', description: 'x'.repeat(5001) } }, cx))).toBe('input.description');
    expect(fieldOf(await app.gql(CREATE, { input: { title: 'T', ownerId: 'nobody' } }, cx))).toBe('input.ownerId');
    expect(fieldOf(await app.gql(CREATE, { input: { title: 'T', orgUnitId: other.unit.id } }, cx))).toBe('input.orgUnitId');
    expect(codeOf(await app.gql(CREATE, { input: { title: 'T' } }, leader))).toBe('FORBIDDEN');
    expect(await count('improvements')).toBe(before);
  });

  it('edits fields, clears optional ones with null, and refuses another manager', async () => {
    const { id } = await create(marta, { title: 'Edit me', dueDate: '2030-01-31', orgUnitId: ids.sales });
    const UPDATE = `mutation($id: ID!, $input: UpdateImprovementInput!) { updateImprovement(id: $id, input: $input) { title dueDate orgUnit { id } owner { email } audience } }`;
    const res = await app.gql(UPDATE, { id, input: { title: 'Edited', dueDate: null, ownerId: ids.jessica, audience: 'CANDIDATE' } }, marta);
    expect(res.data.updateImprovement).toEqual({ title: 'Edited', dueDate: null, orgUnit: { id: ids.sales }, owner: { email: 'manager.us@demo.test' }, audience: 'CANDIDATE' });
    expect(fieldOf(await app.gql(UPDATE, { id, input: { title: null } }, marta))).toBe('input.title');
    expect(fieldOf(await app.gql(UPDATE, { id, input: {} }, marta))).toBe('input');
    expect(codeOf(await app.gql(UPDATE, { id, input: { title: 'Mine now' } }, await app.login('manager.dk@demo.test')))).toBe('FORBIDDEN');
  });

  it('edits title translations, refuses bad ones naming the field, and changes nothing then', async () => {
    const { id } = await create(cx, { title: 'Faster invoices', titleTranslations: [{ language: 'pl', text: 'Szybsze faktury' }] });
    const UPDATE = `mutation($id: ID!, $input: UpdateImprovementInput!) { updateImprovement(id: $id, input: $input) { title titleTranslations { language text } dueDate owner { email } } }`;
    const res = await app.gql(UPDATE, { id, input: { titleTranslations: [{ language: 'da', text: 'Hurtigere fakturaer' }, { language: 'pl', text: ' ' }], dueDate: '2031-03-01', ownerId: ids.marta } }, cx);
    expect(res.data.updateImprovement).toEqual({ title: 'Faster invoices', titleTranslations: [{ language: 'da', text: 'Hurtigere fakturaer' }], dueDate: '2031-03-01', owner: { email: 'manager@demo.test' } });
    for (const bad of [[{ language: 'xx', text: 'T' }], [{ language: 'da', text: 'x'.repeat(201) }], [{ language: 'da', text: 'A' }, { language: 'da', text: 'B' }]]) {
      expect(fieldOf(await app.gql(UPDATE, { id, input: { titleTranslations: bad, title: 'Changed?' } }, cx))).toBe('input.titleTranslations');
    }
    expect(fieldOf(await app.gql(UPDATE, { id, input: { description: 'x'.repeat(5001) } }, cx))).toBe('input.description');
    const [row] = await q(`SELECT title, title_translations, description FROM improvements WHERE id = $1`, [id]);
    expect(row).toEqual({ title: 'Faster invoices', title_translations: { da: 'Hurtigere fakturaer' }, description: null });
  });

  it("cannot edit another organization's improvement, nor give it another organization's owner or unit", async () => {
    const { id } = await create(cx, { title: 'Ours' });
    const UPDATE = `mutation($id: ID!, $input: UpdateImprovementInput!) { updateImprovement(id: $id, input: $input) { title } }`;
    const foreign = await app.gql(UPDATE, { id, input: { title: 'Theirs now' } }, otherCx);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(fieldOf(foreign)).toBe('id');
    const [otherUser] = await q(`SELECT id FROM users WHERE organization_id = $1 LIMIT 1`, [other.org.id]);
    expect(fieldOf(await app.gql(UPDATE, { id, input: { ownerId: otherUser.id } }, cx))).toBe('input.ownerId');
    expect(fieldOf(await app.gql(UPDATE, { id, input: { orgUnitId: other.unit.id } }, cx))).toBe('input.orgUnitId');
    expect((await q(`SELECT title, owner_id FROM improvements WHERE id = $1`, [id]))[0].title).toBe('Ours');
  });
});

describe('linking feedback', () => {
  let martaResponse: string;
  let jessicaResponse: string;
  let martaFollowUp: string;
  let themeId: string;

  beforeAll(async () => {
    [martaResponse, jessicaResponse] = await insertResponses(app.db.dataSource.manager, waveId, [
      { score: 2, reason: 'Slow replies from the account team', ownerId: ids.marta },
      { score: 3, reason: 'Wrong invoice again', ownerId: ids.jessica },
    ]);
    await insertFollowUp(app.db.dataSource.manager, martaResponse, { status: 'OPEN', dueAt: new Date(Date.now() + 86_400_000), ownerId: ids.marta });
    [{ id: martaFollowUp }] = await q(`SELECT id FROM follow_ups WHERE response_id = $1`, [martaResponse]);
    [{ id: themeId }] = await q(`INSERT INTO themes (organization_id, name) SELECT organization_id, 'Link test theme' FROM waves WHERE id = $1 RETURNING id`, [waveId]);
  });

  it('never takes an employee wave as a response (employee answers have no id at all)', async () => {
    const before = await count('improvements');
    for (const bad of [employeeWaveId, '00000000-0000-4000-8000-000000000000']) {
      const res = await app.gql(CREATE, { input: { title: 'Employee answer?', responseIds: [bad] } }, admin);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(fieldOf(res)).toBe('input.responseIds');
    }
    expect(await count('improvements')).toBe(before);
  });

  it('links an employee wave only as a wave, with an org unit, and nothing of its answers shows', async () => {
    const created = await create(hr, { title: 'Career paths', audience: 'EMPLOYEE', waves: [{ waveId: employeeWaveId, orgUnitId: ids.sales }] });
    expect(created.waves).toEqual([{ wave: { id: employeeWaveId, audience: 'EMPLOYEE' }, orgUnit: { id: ids.sales } }]);
    expect(created.responses).toEqual([]);
    // A MANAGER may not read employee waves: the link is not shown to them, and they cannot make one.
    expect((await app.gql(GET, { id: created.id }, marta)).data.improvement.waves).toEqual([]);
    const own = await create(marta, { title: 'Manager and employee wave' });
    const res = await app.gql(LINK, { id: own.id, waves: [{ waveId: employeeWaveId }] }, marta);
    expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'waves.waveId']);
  });

  it("answers another organization's ids as not found, and changes nothing", async () => {
    const { id } = await create(cx, { title: 'Tenancy' });
    const [otherWave] = await q(
      `INSERT INTO waves (organization_id, name, audience, anonymous, languages) VALUES ($1, 'Other wave', 'CUSTOMER', false, '{en}') RETURNING id`,
      [other.org.id],
    );
    const [otherResponse] = await insertResponses(app.db.dataSource.manager, otherWave.id, [{ score: 1 }]);
    const [otherTheme] = await q(`INSERT INTO themes (organization_id, name) VALUES ($1, 'Theirs') RETURNING id`, [other.org.id]);
    const links = await count('improvement_responses');
    for (const [vars, field] of [
      [{ responseIds: [martaResponse, otherResponse] }, 'responseIds'],
      [{ themeIds: [themeId, otherTheme.id] }, 'themeIds'],
      [{ waves: [{ waveId: otherWave.id }] }, 'waves.waveId'],
      [{ waves: [{ waveId, orgUnitId: other.unit.id }] }, 'waves.orgUnitId'],
      [{ responseIds: [martaResponse], followUpIds: ['00000000-0000-4000-8000-000000000000'] }, 'followUpIds'],
    ] as const) {
      const res = await app.gql(LINK, { id, ...vars }, cx);
      expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', field]);
    }
    expect(await count('improvement_responses')).toBe(links);
    expect(codeOf(await app.gql(LINK, { id, responseIds: [martaResponse] }, otherCx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(GET, { id }, otherCx))).toBeUndefined();
    expect((await app.gql(GET, { id }, otherCx)).data.improvement).toBeNull();
    expect(fieldOf(await app.gql(LINK, { id }, cx))).toBe('responseIds');
  });

  it("lets a manager link only their own contacts' feedback, and shows them only that", async () => {
    const own = await create(marta, { title: 'Faster replies' });
    const refused = await app.gql(LINK, { id: own.id, responseIds: [martaResponse, jessicaResponse] }, marta);
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['NOT_FOUND', 'responseIds']);
    const linked = (await app.gql(LINK, { id: own.id, responseIds: [martaResponse], followUpIds: [martaFollowUp], themeIds: [themeId], waves: [{ waveId }] }, marta)).data.linkFeedback;
    expect(linked.responses.map((r: any) => r.id)).toEqual([martaResponse]);
    expect(linked.followUps.map((f: any) => f.id)).toEqual([martaFollowUp]);
    expect(linked.themes).toEqual([{ id: themeId, name: 'Link test theme', nameTranslations: [], audiences: [] }]);
    // CX links Jessica's response too: Marta still sees only her own; CX and LEADER see both.
    await app.gql(LINK, { id: own.id, responseIds: [jessicaResponse] }, cx);
    expect((await app.gql(GET, { id: own.id }, marta)).data.improvement.responses.map((r: any) => r.id)).toEqual([martaResponse]);
    expect((await app.gql(GET, { id: own.id }, leader)).data.improvement.responses.map((r: any) => r.id).sort()).toEqual([martaResponse, jessicaResponse].sort());
    expect((await app.gql(GET, { id: own.id }, hr)).data.improvement.responses).toEqual([]);
    // Linking twice keeps one link.
    await app.gql(LINK, { id: own.id, responseIds: [martaResponse] }, cx);
    expect((await q(`SELECT count(*)::int AS n FROM improvement_responses WHERE improvement_id = $1`, [own.id]))[0].n).toBe(2);
  });

  it('filters the list by theme, wave, owner, org unit and audience', async () => {
    const byTheme = (await app.gql(LIST, { filter: { themeIds: [themeId] } }, cx)).data.improvements;
    expect(byTheme.edges.map((e: any) => e.node.title)).toEqual(['Faster replies']);
    const byWave = (await app.gql(LIST, { filter: { waveIds: [waveId] } }, cx)).data.improvements;
    expect(byWave.edges.map((e: any) => e.node.title)).toContain('Faster replies');
    expect((await app.gql(LIST, { filter: { waveIds: ['not-a-uuid'] } }, cx)).data.improvements.totalCount).toBe(0);
    const byOwner = (await app.gql(LIST, { filter: { ownerIds: [ids.jessica] }, first: 100 }, cx)).data.improvements;
    expect(byOwner.edges.map((e: any) => e.node.title)).toContain('Edited');
    const [salesEu] = await q(`SELECT id FROM org_units WHERE name = 'Sales EU'`);
    await create(cx, { title: 'In Sales EU', orgUnitId: salesEu.id });
    const bySales = (await app.gql(LIST, { filter: { orgUnitIds: [ids.sales] }, first: 100 }, cx)).data.improvements;
    expect(bySales.edges.map((e: any) => e.node.title)).toContain('In Sales EU');
    const employee = (await app.gql(LIST, { filter: { audience: 'EMPLOYEE' }, first: 100 }, leader)).data.improvements;
    expect(employee.edges.every((e: any) => e.node.title !== 'In Sales EU')).toBe(true);
  });

  it('pages through the list', async () => {
    const first = (await app.gql(LIST, { first: 2 }, cx)).data.improvements;
    expect(first.edges).toHaveLength(2);
    const second = (await app.gql(LIST, { first: 2, after: first.pageInfo.endCursor }, cx)).data.improvements;
    expect(second.edges.map((e: any) => e.node.id)).not.toContain(first.edges[0].node.id);
    expect(fieldOf(await app.gql(LIST, { first: 0 }, cx))).toBe('first');
  });
});

describe('from a follow-up', () => {
  it('turns a follow-up into an improvement in one step', async () => {
    const [responseId] = await insertResponses(app.db.dataSource.manager, waveId, [
      { score: 1, reason: 'The temp workers did not know the safety rules of our warehouse.\nSecond line.', ownerId: ids.marta, orgUnitId: ids.sales },
    ]);
    await insertFollowUp(app.db.dataSource.manager, responseId, { status: 'OPEN', dueAt: new Date(Date.now() + 86_400_000), ownerId: ids.marta });
    const [{ id: followUpId }] = await q(`SELECT id FROM follow_ups WHERE response_id = $1`, [responseId]);
    const themes = await q(
      `INSERT INTO themes (organization_id, name) SELECT organization_id, unnest(ARRAY['Safety','Suggested only']) FROM waves WHERE id = $1 RETURNING id, name`,
      [waveId],
    );
    const accepted = themes.find((t: any) => t.name === 'Safety').id;
    const suggested = themes.find((t: any) => t.name === 'Suggested only').id;
    await q(`INSERT INTO response_themes (response_id, theme_id, organization_id, status) SELECT $1, $2, organization_id, 'ACCEPTED' FROM responses WHERE id = $1`, [responseId, accepted]);
    await q(`INSERT INTO response_themes (response_id, theme_id, organization_id, status) SELECT $1, $2, organization_id, 'SUGGESTED' FROM responses WHERE id = $1`, [responseId, suggested]);

    expect(codeOf(await app.gql(FROM_FOLLOW_UP, { followUpId }, jessica))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(FROM_FOLLOW_UP, { followUpId }, otherCx))).toBe('NOT_FOUND');
    expect(fieldOf(await app.gql(FROM_FOLLOW_UP, { followUpId, title: '  ' }, marta))).toBe('title');

    const made = (await app.gql(FROM_FOLLOW_UP, { followUpId }, marta)).data.createImprovementFromFollowUp;
    expect(made).toMatchObject({
      title: 'The temp workers did not know the safety rules of our warehouse.',
      status: 'PROPOSED',
      audience: 'CUSTOMER',
      owner: { email: 'manager@demo.test' },
      orgUnit: { id: ids.sales },
      responses: [{ id: responseId, score: 1 }],
      followUps: [{ id: followUpId }],
      themes: [{ id: accepted, name: 'Safety' }],
      waves: [{ wave: { id: waveId, audience: 'CUSTOMER' }, orgUnit: null }],
    });
    expect(made.history).toHaveLength(1);
    const titled = (await app.gql(FROM_FOLLOW_UP, { followUpId, title: 'Safety induction before day one' }, cx)).data.createImprovementFromFollowUp;
    expect(titled.title).toBe('Safety induction before day one');
  });
});

describe('the effect', () => {
  const DAY = 86_400_000;
  let unitId: string;
  let effectWave: string;
  const implementedAt = new Date(Date.now() - 30 * DAY);
  const at = (days: number) => new Date(implementedAt.getTime() + days * DAY);

  beforeAll(async () => {
    const unit = await app.gql(`mutation($name: String!, $parentId: ID) { createOrgUnit(name: $name, parentId: $parentId) { id } }`, { name: 'Effect unit', parentId: ids.sales }, admin);
    unitId = unit.data.createOrgUnit.id;
    const child = await app.gql(`mutation($name: String!, $parentId: ID) { createOrgUnit(name: $name, parentId: $parentId) { id } }`, { name: 'Effect child', parentId: unitId }, admin);
    effectWave = await openWave(app, cx, { name: 'Effect wave' });
    // Before (within 90 days before): 2 promoters, 1 passive, 3 detractors → NPS −16.67.
    // After (from the day on): 4 promoters, 1 passive, 1 detractor → NPS 50. One answer of the
    // child unit counts (subtree); one 100 days before and one of another unit do not.
    await insertResponses(app.db.dataSource.manager, effectWave, [
      { score: 10, orgUnitId: unitId, submittedAt: at(-80) },
      { score: 9, orgUnitId: child.data.createOrgUnit.id, submittedAt: at(-10) },
      { score: 7, orgUnitId: unitId, submittedAt: at(-5) },
      { score: 3, orgUnitId: unitId, submittedAt: at(-60) },
      { score: 5, orgUnitId: unitId, submittedAt: at(-40) },
      { score: 6, orgUnitId: unitId, submittedAt: at(-1) },
      { score: 0, orgUnitId: unitId, submittedAt: at(-100) },
      { score: 9, orgUnitId: unitId, submittedAt: at(0.1) },
      { score: 10, orgUnitId: unitId, submittedAt: at(5) },
      { score: 10, orgUnitId: unitId, submittedAt: at(10) },
      { score: 9, orgUnitId: unitId, submittedAt: at(20) },
      { score: 8, orgUnitId: unitId, submittedAt: at(25) },
      { score: 4, orgUnitId: unitId, submittedAt: at(29) },
      { score: 0, orgUnitId: null, submittedAt: at(3) },
    ]);
  });

  async function implemented(token: string, input: Record<string, unknown>): Promise<string> {
    const { id } = await create(token, input);
    for (const status of ['PLANNED', 'IN_PROGRESS', 'IMPLEMENTED']) await app.gql(MOVE, { id, status }, token);
    await q(`UPDATE improvements SET implemented_at = $2 WHERE id = $1`, [id, implementedAt]);
    return id;
  }

  it('is null until IMPLEMENTED', async () => {
    const { id } = await create(cx, { title: 'Not yet', orgUnitId: unitId, audience: 'CUSTOMER' });
    expect((await app.gql(GET, { id }, cx)).data.improvement.effect).toBeNull();
  });

  it("compares the org unit's NPS in the 90 days before and after, against a hand-computed case", async () => {
    const id = await implemented(cx, { title: 'Effect by unit', orgUnitId: unitId, audience: 'CUSTOMER' });
    const effect = (await app.gql(GET, { id }, cx)).data.improvement.effect;
    expect(effect.before).toMatchObject({ responses: 6, promoters: 2, passives: 1, detractors: 3, suppressed: false });
    expect(effect.before.nps).toBeCloseTo(-16.667, 2);
    expect(effect.after).toMatchObject({ responses: 6, promoters: 4, passives: 1, detractors: 1 });
    expect(effect.after.nps).toBeCloseTo(50, 6);
    expect(effect.change).toBeCloseTo(66.667, 2);
    const expected = compareNps({ promoters: 2, passives: 1, detractors: 3 }, { promoters: 4, passives: 1, detractors: 1 });
    expect(effect.significant).toBe(expected.significant);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(effect).toMatchObject({
      beforeFrom: day(at(-90)),
      beforeTo: day(at(-1)),
      afterFrom: day(implementedAt),
      afterTo: day(new Date()),
      themesApplied: false,
      // 6 answers after, fewer than the organization's minimum of 10: too early to tell (the change is kept).
      tooEarly: true,
      minimumResponses: 10,
    });
    // With a minimum the period after reaches, it tells.
    const [{ settings }] = await q(`SELECT settings FROM organizations WHERE slug = 'demo'`);
    await q(`UPDATE organizations SET settings = settings || '{"leaderboardMinResponses": 6}'::jsonb WHERE slug = 'demo'`);
    expect((await app.gql(GET, { id }, cx)).data.improvement.effect).toMatchObject({ tooEarly: false, minimumResponses: 6 });
    await q(`UPDATE organizations SET settings = $1::jsonb WHERE slug = 'demo'`, [JSON.stringify(settings)]);
  });

  it('narrows to the responses tagged with its themes (accepted only)', async () => {
    const [{ id: themeId }] = await q(`INSERT INTO themes (organization_id, name) SELECT organization_id, 'Effect theme' FROM waves WHERE id = $1 RETURNING id`, [effectWave]);
    const tag = async (score: number, daysFromImplementation: number, status = 'ACCEPTED') => {
      const [responseId] = await insertResponses(app.db.dataSource.manager, effectWave, [{ score, orgUnitId: unitId, submittedAt: at(daysFromImplementation) }]);
      await q(`INSERT INTO response_themes (response_id, theme_id, organization_id, status) SELECT $1, $2, organization_id, $3 FROM responses WHERE id = $1`, [responseId, themeId, status]);
    };
    // Before: a promoter and a detractor (NPS 0); after: two promoters (100); a suggested tag does not count.
    await tag(9, -20);
    await tag(2, -3);
    await tag(10, 2);
    await tag(9, 4);
    await tag(0, 6, 'SUGGESTED');
    const id = await implemented(cx, { title: 'Effect by theme', orgUnitId: unitId, audience: 'CUSTOMER', themeIds: [themeId] });
    const effect = (await app.gql(GET, { id }, cx)).data.improvement.effect;
    expect(effect.themesApplied).toBe(true);
    expect(effect.before).toMatchObject({ responses: 2, promoters: 1, detractors: 1, nps: 0 });
    expect(effect.after).toMatchObject({ responses: 2, promoters: 2, detractors: 0, nps: 100 });
    expect(effect.change).toBe(100);
  });

  it('follows the caller: null for results they may not read, guarded for employee audiences', async () => {
    const id = await implemented(cx, { title: 'Identified effect', orgUnitId: unitId, audience: 'CUSTOMER' });
    expect((await app.gql(GET, { id }, hr)).data.improvement.effect).toBeNull();
    // LEADER reads what CX reads (the theme test above added answers to the unit, hence no fixed figure).
    expect((await app.gql(GET, { id }, leader)).data.improvement.effect).toEqual((await app.gql(GET, { id }, cx)).data.improvement.effect);
    // Marta owns none of these answers: her view of the group is empty, so no change.
    const mine = (await app.gql(GET, { id }, marta)).data.improvement.effect;
    expect([mine.before.responses, mine.after.responses, mine.change]).toEqual([0, 0, null]);

    const employee = await implemented(hr, { title: 'Employee effect', audience: 'EMPLOYEE', orgUnitId: unitId });
    expect((await app.gql(GET, { id: employee }, cx)).data.improvement.effect).toBeNull();
    const guarded = (await app.gql(GET, { id: employee }, hr)).data.improvement.effect;
    // No released employee wave in these windows: both sides are empty, and there is no change.
    expect([guarded.before.responses, guarded.after.responses, guarded.change]).toEqual([0, 0, null]);
  });
});

describe('overdue, the board and the wave', () => {
  it('flags an open improvement past its due date, not a done one', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const late = await create(cx, { title: 'Late one', dueDate: yesterday });
    expect(late.overdue).toBe(true);
    const today = await create(cx, { title: 'Due today', dueDate: new Date().toISOString().slice(0, 10) });
    expect(today.overdue).toBe(false);
    const overdue = (await app.gql(LIST, { filter: { overdue: true }, first: 100 }, cx)).data.improvements.edges.map((e: any) => e.node.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(today.id);
    const notOverdue = (await app.gql(LIST, { filter: { overdue: false }, first: 100 }, cx)).data.improvements.edges.map((e: any) => e.node.id);
    expect(notOverdue).toContain(today.id);
    expect(notOverdue).not.toContain(late.id);
    await app.gql(MOVE, { id: late.id, status: 'REJECTED', note: 'Not needed' }, cx);
    expect((await app.gql(GET, { id: late.id }, cx)).data.improvement.overdue).toBe(false);
  });

  it('counts improvements per status on the board, in one grouped statement', async () => {
    const board = (await app.gql(`{ board { improvementsByStatus { status count } } }`, {}, leader)).data.board.improvementsByStatus;
    const rows: { status: string; n: number }[] = await q(
      `SELECT status, count(*)::int AS n FROM improvements WHERE organization_id = (SELECT organization_id FROM waves WHERE id = $1) GROUP BY status`,
      [waveId],
    );
    expect(board).toEqual(['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'REJECTED'].map((status) => ({ status, count: rows.find((r) => r.status === status)?.n ?? 0 })));
    expect(board.find((s: any) => s.status === 'IMPLEMENTED').count).toBeGreaterThan(0);
  });

  it("counts the wave's implemented improvements in its stage 4, for a whole list of waves", async () => {
    const wave = await openWave(app, cx, { name: 'Stage four wave' });
    const [r1, r2] = await insertResponses(app.db.dataSource.manager, wave, [{ score: 2 }, { score: 9 }]);
    const STAGES = `query($id: ID!) { wave(id: $id) { stages { improvements } } }`;
    expect((await app.gql(STAGES, { id: wave }, cx)).data.wave.stages.improvements).toBe(0);
    const a = await create(cx, { title: 'Via a response', responseIds: [r1, r2] });
    const b = await create(cx, { title: 'Via the wave', waveIds: [wave] });
    await create(cx, { title: 'Still proposed', waveIds: [wave] });
    for (const id of [a.id, b.id]) for (const status of ['PLANNED', 'IN_PROGRESS', 'IMPLEMENTED']) await app.gql(MOVE, { id, status }, cx);
    await app.gql(MOVE, { id: b.id, status: 'VERIFIED' }, cx);
    expect((await app.gql(STAGES, { id: wave }, cx)).data.wave.stages.improvements).toBe(2);
    const list = await app.gql(`{ waves(first: 50) { edges { node { id stages { improvements } } } } }`, {}, cx);
    expect(list.errors).toBeUndefined();
    expect(list.data.waves.edges.find((e: any) => e.node.id === wave).node.stages.improvements).toBe(2);
  });
});

describe('"you said, we did"', () => {
  let path: string;
  let token: string;

  beforeAll(async () => {
    const [responseId] = await insertResponses(app.db.dataSource.manager, waveId, [
      { score: 4, reason: 'SECRET-REASON nobody calls back', suggestion: 'SECRET-SUGGESTION', ownerId: ids.marta },
    ]);
    const done = await create(marta, { title: 'Call back within a day', titleTranslations: [{ language: 'da', text: 'Vi ringer tilbage inden for en dag' }], description: 'Every missed call is returned the same day.', responseIds: [responseId] });
    for (const status of ['PLANNED', 'IN_PROGRESS', 'IMPLEMENTED']) await app.gql(MOVE, { id: done.id, status, note: 'SECRET-NOTE' }, marta);
    await create(marta, { title: 'Not done yet', responseIds: [responseId] });
    path = (await app.gql(SHARE, { waveId }, cx)).data.shareWaveOutcome;
    token = path.split('/').at(-1)!;
  });

  it('gives CX, HR and ADMIN a stable link to the waves they run; not managers, not another organization', async () => {
    expect(path).toMatch(/^\/you-said-we-did\/[A-Za-z0-9_-]{43}$/);
    expect((await app.gql(SHARE, { waveId }, admin)).data.shareWaveOutcome).toBe(path);
    expect(codeOf(await app.gql(SHARE, { waveId }, marta))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(SHARE, { waveId }, hr))).toBe('NOT_FOUND');
    expect((await app.gql(SHARE, { waveId: employeeWaveId }, hr)).data.shareWaveOutcome).toMatch(/^\/you-said-we-did\//);
    expect(codeOf(await app.gql(SHARE, { waveId }, otherCx))).toBe('NOT_FOUND');
    expect(fieldOf(await app.gql(SHARE, { waveId: 'x' }, cx))).toBe('waveId');
  });

  it('shows the implemented improvements and nothing about respondents, without a login', async () => {
    const res = await app.gql(PUBLIC, { token, language: 'pl' });
    expect(res.errors).toBeUndefined();
    const page = res.data.youSaidWeDid;
    // No public title in Polish: a neutral one, never the internal wave name.
    expect(page).toMatchObject({ waveName: 'Ankieta opinii', organizationName: 'Demo Company', language: 'pl', languages: ['en', 'pl'] });
    expect(JSON.stringify(res)).not.toContain('Improvement wave');
    expect(page.improvements).toEqual([{ title: 'Call back within a day', description: 'Every missed call is returned the same day.', implementedOn: new Date().toISOString().slice(0, 10) }]);
    const text = JSON.stringify(res);
    for (const secret of ['SECRET', 'Marta', 'manager@demo.test', 'Not done yet']) expect(text).not.toContain(secret);
    expect((await app.gql(PUBLIC, { token, language: 'ru' })).data.youSaidWeDid.language).toBe('en');
    // A translated title shows in the page's language only when the wave has that language (da: not here).
    expect((await app.gql(PUBLIC, { token, language: 'da' })).data.youSaidWeDid.improvements[0].title).toBe('Call back within a day');
    await q(`UPDATE waves SET languages = '{en,pl,da}' WHERE id = $1`, [waveId]);
    expect((await app.gql(PUBLIC, { token, language: 'da' })).data.youSaidWeDid.improvements[0].title).toBe('Vi ringer tilbage inden for en dag');
    await q(`UPDATE waves SET languages = '{en,pl}' WHERE id = $1`, [waveId]);
  });

  it('answers null for an unknown, altered or foreign token', async () => {
    expect((await app.gql(PUBLIC, { token: 'nope' })).data.youSaidWeDid).toBeNull();
    const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await app.gql(PUBLIC, { token: altered })).data.youSaidWeDid).toBeNull();
    // A well-formed token for a wave id that does not exist, signed with a different secret.
    expect((await app.gql(PUBLIC, { token: 'A'.repeat(43) })).data.youSaidWeDid).toBeNull();
  });
});

describe('searching improvements', () => {
  it('finds them by title, a translated title or the description, with the total', async () => {
    const stamp = Date.now().toString(36);
    await create(cx, { title: `Findable ${stamp}`, titleTranslations: [{ language: 'pl', text: `Szukane ${stamp}` }] });
    for (const search of [`findable ${stamp}`, `szukane ${stamp}`]) {
      const res = await app.gql(LIST, { filter: { search } }, cx);
      expect(res.data.improvements.totalCount).toBe(1);
    }
    expect(fieldOf(await app.gql(LIST, { filter: { search: 'x'.repeat(101) } }, cx))).toBe('filter.search');
  });
});
