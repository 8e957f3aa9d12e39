import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '@tandem/nps-core';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { defaultQuestions, WAVE_LANGUAGES } from '../src/survey/waves/default-questions.js';
import { createOrganization } from './support/fixtures.js';
import { closeEmployeeWave, insertTeam } from './support/employee-data.js';
import { insertFollowUp, insertInvitations, insertResponses } from './support/survey-data.js';
import { codeOf, fieldOf, startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

const WAVE_FIELDS = `id name audience status anonymous languages opensAt closesAt openedAt closedAt createdAt
  questions { id kind criterion texts { language text } }
  invited responded responseRate
  summary { responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed }
  stages { survey firstReaction analysis improvements }
  scoreDistribution`;
const CREATE = `mutation($input: CreateWaveInput!) { createWave(input: $input) { ${WAVE_FIELDS} } }`;
const GET = `query($id: ID!) { wave(id: $id) { ${WAVE_FIELDS} } }`;
const LIST = `query($filter: WaveFilter, $first: Int, $after: String) {
  waves(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name audience status } } } }`;
const OPEN = `mutation($id: ID!) { openWave(id: $id) { id status openedAt closedAt } }`;
const CLOSE = `mutation($id: ID!) { closeWave(id: $id) { id status openedAt closedAt } }`;
const SET_TEXT = `mutation($waveId: ID!, $questionId: ID!, $language: String!, $text: String!) {
  setQuestionText(waveId: $waveId, questionId: $questionId, language: $language, text: $text) { id kind texts { language text } } }`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let app: TestApp;
const tokens: Record<'admin' | 'cx' | 'hr' | 'manager' | 'leader' | 'api', string> = {} as never;

beforeAll(async () => {
  app = await startTestApp();
  for (const role of ['admin', 'cx', 'hr', 'manager', 'leader'] as const) tokens[role] = await app.login(`${role}@demo.test`);
  const issued = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
    id: DEMO_API_CLIENT.clientId,
    s: DEMO_API_CLIENT.clientSecret,
  });
  tokens.api = issued.data.issueApiToken.accessToken;
});
afterAll(() => app?.close());

const count = async (table: string): Promise<number> => (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

async function create(input: Record<string, unknown>, token = tokens.cx) {
  const res = await app.gql(CREATE, { input: { name: 'Q1 customers', audience: 'CUSTOMER', ...input } }, token);
  expect(res.errors).toBeUndefined();
  return res.data.createWave;
}

const textsOf = (texts: Record<string, string>, languages: readonly string[] = WAVE_LANGUAGES) =>
  languages.map((language) => ({ language, text: texts[language] }));

describe('createWave', () => {
  it('creates a DRAFT customer wave with the standard questions in all five languages', async () => {
    const wave = await create({ name: '  Q1 customers  ', opensAt: '2026-01-05T08:00:00.000Z', closesAt: '2026-01-31T18:00:00.000Z' });
    const [recommend, reason, suggestion] = defaultQuestions('CUSTOMER');
    expect(wave).toMatchObject({
      name: 'Q1 customers',
      audience: 'CUSTOMER',
      status: 'DRAFT',
      anonymous: false,
      languages: ['en', 'pl', 'da', 'ru', 'sl'],
      opensAt: '2026-01-05T08:00:00.000Z',
      closesAt: '2026-01-31T18:00:00.000Z',
      openedAt: null,
      closedAt: null,
      invited: 0,
      responded: 0,
      responseRate: null,
      summary: { responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null, marginOfError: null, ciLow: null, ciHigh: null, band: null, suppressed: false },
      stages: { survey: 0, firstReaction: null, analysis: null, improvements: 0 },
      scoreDistribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(wave.questions.map((q: { kind: string; criterion: string | null; texts: unknown }) => [q.kind, q.criterion, q.texts])).toEqual([
      ['NPS', null, textsOf(recommend.texts)],
      ['REASON', null, textsOf(reason.texts)],
      ['SUGGESTION', null, textsOf(suggestion.texts)],
    ]);
    expect(recommend.texts.en).toBe('How likely is it that you would recommend us to a friend or colleague?');
    expect(reason.texts.en).toBe('What is the main reason for your score?');
    expect(suggestion.texts.en).toBe('What could we do better?');
    for (const q of [recommend, reason, suggestion]) {
      // Five different, non-empty texts: every language is really translated.
      expect(new Set(Object.values(q.texts)).size).toBe(5);
    }
    const [row] = await app.db.dataSource.query(
      `SELECT w.created_by, u.email FROM waves w JOIN users u ON u.id = w.created_by WHERE w.id = $1`,
      [wave.id],
    );
    expect(row.email).toBe('cx@demo.test');
  });

  it('gives an employee wave (HR) the place-to-work question, anonymity, and only its languages', async () => {
    const wave = await create({ name: 'eNPS spring', audience: 'EMPLOYEE', languages: ['pl', 'en'] }, tokens.hr);
    const [recommend] = defaultQuestions('EMPLOYEE');
    expect(recommend.texts.en).toBe('How likely is it that you would recommend us as a place to work?');
    expect(wave).toMatchObject({
      audience: 'EMPLOYEE',
      anonymous: true,
      languages: ['pl', 'en'],
      invited: 0,
      responded: 0,
      responseRate: null,
      scoreDistribution: [],
      summary: { suppressed: true, responses: null, nps: null, ciLow: null, ciHigh: null, band: null },
      stages: { survey: 0, firstReaction: null },
    });
    expect(wave.questions[0].texts).toEqual([
      { language: 'en', text: recommend.texts.en },
      { language: 'pl', text: recommend.texts.pl },
    ]);
  });

  it('adds the extra 1–5 ratings after the standard questions', async () => {
    const wave = await create({
      languages: ['en', 'da'],
      ratings: [
        { criterion: 'delivery_speed', texts: [{ language: 'da', text: 'Leveringshastighed' }, { language: 'en', text: ' Delivery speed ' }] },
        { criterion: 'quality', texts: [{ language: 'en', text: 'Quality' }, { language: 'da', text: 'Kvalitet' }] },
      ],
    });
    expect(wave.questions.map((q: { kind: string; criterion: string | null }) => `${q.kind}:${q.criterion ?? ''}`)).toEqual([
      'NPS:',
      'REASON:',
      'SUGGESTION:',
      'RATING:delivery_speed',
      'RATING:quality',
    ]);
    expect(wave.questions[3].texts).toEqual([
      { language: 'en', text: 'Delivery speed' },
      { language: 'da', text: 'Leveringshastighed' },
    ]);
  });

  const rating = (criterion: string, texts = WAVE_LANGUAGES.map((language) => ({ language, text: `Rate ${language}` }))) => ({ criterion, texts });
  it.each([
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'input.name'],
    ['closesAt equal to opensAt', { opensAt: '2026-02-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' }, 'input.closesAt'],
    ['closesAt before opensAt', { opensAt: '2026-02-01T00:00:00Z', closesAt: '2026-01-01T00:00:00Z' }, 'input.closesAt'],
    ['no languages', { languages: [] }, 'input.languages'],
    ['an unknown language', { languages: ['en', 'de'] }, 'input.languages'],
    ['a language twice', { languages: ['en', 'en'] }, 'input.languages'],
    ['a criterion that is not a key', { ratings: [rating('Delivery Speed')] }, 'input.ratings[0].criterion'],
    ['a criterion twice', { ratings: [rating('speed'), rating('speed')] }, 'input.ratings[1].criterion'],
    ['a rating text missing a language', { languages: ['en', 'pl'], ratings: [rating('speed', [{ language: 'en', text: 'Speed' }])] }, 'input.ratings[0].texts'],
    ['a rating text in a language the wave lacks', { languages: ['en'], ratings: [rating('speed', [{ language: 'en', text: 'Speed' }, { language: 'pl', text: 'Szybkość' }])] }, 'input.ratings[0].texts'],
    ['an empty rating text', { languages: ['en'], ratings: [rating('speed', [{ language: 'en', text: ' ' }])] }, 'input.ratings[0].texts'],
    ['eleven ratings', { ratings: Array.from({ length: 11 }, (_, i) => rating(`c${i}`)) }, 'input.ratings'],
  ])('refuses %s with BAD_USER_INPUT on the field, and changes nothing', async (_name, input, field) => {
    const before = [await count('waves'), await count('wave_questions')];
    const res = await app.gql(CREATE, { input: { name: 'Bad', audience: 'CUSTOMER', ...input } }, tokens.cx);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data).toBeNull();
    expect([await count('waves'), await count('wave_questions')]).toEqual(before);
  });

  it.each([
    ['CX', 'cx', 'EMPLOYEE'],
    ['HR', 'hr', 'CUSTOMER'],
    ['HR', 'hr', 'CANDIDATE'],
    ['a manager', 'manager', 'CUSTOMER'],
    ['a leader', 'leader', 'ASSOCIATE'],
    ['an analytics API client', 'api', 'CUSTOMER'],
  ] as const)('refuses %s creating a %s wave with FORBIDDEN', async (_who, role, audience) => {
    const before = await count('waves');
    const res = await app.gql(CREATE, { input: { name: 'Not mine', audience } }, tokens[role]);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await count('waves')).toBe(before);
  });

  it('lets an admin create waves of every audience', async () => {
    for (const audience of ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE']) {
      expect((await create({ name: `Admin ${audience}`, audience }, tokens.admin)).audience).toBe(audience);
    }
  });
});

describe('reading waves', () => {
  let customer: string;
  let employee: string;
  beforeAll(async () => {
    customer = (await create({ name: 'Readable customer wave' })).id;
    employee = (await create({ name: 'Readable employee wave', audience: 'EMPLOYEE' }, tokens.hr)).id;
  });

  const audiencesIn = async (token: string) => {
    const res = await app.gql(LIST, { first: 100 }, token);
    expect(res.errors).toBeUndefined();
    return new Set(res.data.waves.edges.map((e: { node: { audience: string } }) => e.node.audience));
  };
  const read = async (id: string, token: string) => (await app.gql(GET, { id }, token)).data?.wave?.id ?? null;

  it('shows CX, admins, leaders and analytics clients every wave', async () => {
    for (const token of [tokens.cx, tokens.admin, tokens.leader, tokens.api]) {
      expect(await read(customer, token)).toBe(customer);
      expect(await read(employee, token)).toBe(employee);
      expect(await audiencesIn(token)).toEqual(new Set(['CUSTOMER', 'EMPLOYEE', 'CANDIDATE', 'ASSOCIATE']));
    }
  });

  it('shows HR only employee waves, and a manager only identified ones', async () => {
    expect(await read(customer, tokens.hr)).toBeNull();
    expect(await read(employee, tokens.hr)).toBe(employee);
    expect(await audiencesIn(tokens.hr)).toEqual(new Set(['EMPLOYEE']));
    expect(await read(customer, tokens.manager)).toBe(customer);
    expect(await read(employee, tokens.manager)).toBeNull();
    expect((await audiencesIn(tokens.manager)).has('EMPLOYEE')).toBe(false);
  });

  it('answers NOT_FOUND for an unknown id and for one that is not a uuid, like contact(id)', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      const res = await app.gql(GET, { id }, tokens.cx);
      expect(res.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
      expect(res.data.wave).toBeNull();
    }
  });

  it('filters by audience and status and pages newest first without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ name: `Associates ${i}`, audience: 'ASSOCIATE' })).id);
    await app.gql(OPEN, { id: ids[1] }, tokens.cx);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GqlResult = await app.gql(LIST, { filter: { audience: 'ASSOCIATE' }, first: 2, after }, tokens.cx);
      seen.push(...res.data.waves.edges.map((e: { node: { id: string; audience: string } }) => e.node.id));
      expect(res.data.waves.edges.every((e: { node: { audience: string } }) => e.node.audience === 'ASSOCIATE')).toBe(true);
      if (!res.data.waves.pageInfo.hasNextPage) break;
      after = res.data.waves.pageInfo.endCursor;
    }
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    const open = await app.gql(LIST, { filter: { audience: 'ASSOCIATE', status: 'OPEN' }, first: 100 }, tokens.cx);
    const nodes: { id: string; audience: string; status: string }[] = open.data.waves.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.every((n) => n.audience === 'ASSOCIATE' && n.status === 'OPEN')).toBe(true);
    expect(nodes.map((n) => n.id).filter((id) => ids.includes(id))).toEqual([ids[1]]);
    expect(open.data.waves.totalCount).toBe(nodes.length);
  });

  it('refuses a page size out of range and a forged cursor', async () => {
    expect(fieldOf(await app.gql(LIST, { first: 0 }, tokens.cx))).toBe('first');
    expect(fieldOf(await app.gql(LIST, { first: 101 }, tokens.cx))).toBe('first');
    expect(fieldOf(await app.gql(LIST, { after: 'bogus' }, tokens.cx))).toBe('after');
  });

  it('needs a login', async () => {
    expect(codeOf(await app.gql(LIST, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('wave status', () => {
  it('moves DRAFT → OPEN → CLOSED and refuses every other move with INVALID_STATE', async () => {
    const { id } = await create({ name: 'Lifecycle' });
    const closeDraft = await app.gql(CLOSE, { id }, tokens.cx);
    expect(codeOf(closeDraft)).toBe('INVALID_STATE');
    expect(closeDraft.errors?.[0].message).toMatch(/still a draft/);

    const opened = await app.gql(OPEN, { id }, tokens.cx);
    expect(opened.data.openWave).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(Date.parse(opened.data.openWave.openedAt)).toBeGreaterThan(Date.now() - 60_000);
    const reopen = await app.gql(OPEN, { id }, tokens.cx);
    expect(codeOf(reopen)).toBe('INVALID_STATE');
    expect(reopen.errors?.[0].message).toMatch(/already open/);

    const closed = await app.gql(CLOSE, { id }, tokens.cx);
    expect(closed.data.closeWave).toMatchObject({ status: 'CLOSED', openedAt: opened.data.openWave.openedAt });
    expect(closed.data.closeWave.closedAt).not.toBeNull();
    for (const mutation of [OPEN, CLOSE]) {
      const again = await app.gql(mutation, { id }, tokens.cx);
      expect(codeOf(again)).toBe('INVALID_STATE');
      expect(again.errors?.[0].message).toMatch(/already closed/);
    }
    const [row] = await app.db.dataSource.query(`SELECT status FROM waves WHERE id = $1`, [id]);
    expect(row.status).toBe('CLOSED');
  });

  it('lets only the audience’s runners move a wave', async () => {
    const customer = (await create({ name: 'CX runs this' })).id;
    const employee = (await create({ name: 'HR runs this', audience: 'EMPLOYEE' }, tokens.hr)).id;
    // CX reads employee waves but does not run them; HR does not even see customer waves.
    expect(codeOf(await app.gql(OPEN, { id: employee }, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(OPEN, { id: customer }, tokens.hr))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(OPEN, { id: customer }, tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(OPEN, { id: customer }, tokens.leader))).toBe('FORBIDDEN');
    expect((await app.gql(OPEN, { id: employee }, tokens.hr)).data.openWave.status).toBe('OPEN');
    expect((await app.gql(OPEN, { id: customer }, tokens.admin)).data.openWave.status).toBe('OPEN');
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of [UNKNOWN_ID, 'nope']) {
      const res = await app.gql(OPEN, { id }, tokens.cx);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });
});

describe('setQuestionText', () => {
  it('changes one language of one question while the wave is a draft', async () => {
    const wave = await create({ name: 'Editable', languages: ['en', 'pl'] });
    const reason = wave.questions.find((q: { kind: string }) => q.kind === 'REASON');
    const res = await app.gql(SET_TEXT, { waveId: wave.id, questionId: reason.id, language: 'pl', text: ' Dlaczego taka ocena? ' }, tokens.cx);
    expect(res.errors).toBeUndefined();
    expect(res.data.setQuestionText.texts).toEqual([
      { language: 'en', text: 'What is the main reason for your score?' },
      { language: 'pl', text: 'Dlaczego taka ocena?' },
    ]);
    const reread = (await app.gql(GET, { id: wave.id }, tokens.cx)).data.wave;
    expect(reread.questions.find((q: { kind: string }) => q.kind === 'REASON').texts[1].text).toBe('Dlaczego taka ocena?');
    expect(reread.questions.find((q: { kind: string }) => q.kind === 'NPS')).toEqual(wave.questions.find((q: { kind: string }) => q.kind === 'NPS'));
  });

  it('refuses bad input with the field named, another wave’s question, and changes after opening', async () => {
    const wave = await create({ name: 'Locked', languages: ['en'] });
    const other = await create({ name: 'Other', languages: ['en'] });
    const nps = wave.questions[0];
    const snapshot = async () => app.db.dataSource.query(`SELECT texts FROM wave_questions WHERE wave_id = $1 ORDER BY position`, [wave.id]);
    const before = await snapshot();
    const attempt = (vars: Record<string, string>, token = tokens.cx) =>
      app.gql(SET_TEXT, { waveId: wave.id, questionId: nps.id, language: 'en', text: 'New text', ...vars }, token);

    expect((await attempt({ language: 'pl' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    expect((await attempt({ text: '  ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect((await attempt({ text: 'x'.repeat(501) })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect((await attempt({ questionId: other.questions[0].id })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'questionId' });
    expect((await attempt({ questionId: 'x' })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'questionId' });
    expect((await attempt({ waveId: UNKNOWN_ID })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
    expect(codeOf(await attempt({}, tokens.hr))).toBe('NOT_FOUND');
    expect(codeOf(await attempt({}, tokens.manager))).toBe('FORBIDDEN');
    await app.gql(OPEN, { id: wave.id }, tokens.cx);
    const locked = await attempt({});
    expect(codeOf(locked)).toBe('INVALID_STATE');
    expect(locked.errors?.[0].message).toMatch(/only while the wave is a draft/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('wave results', () => {
  const DAY = 24 * 3600 * 1000;
  let wave: { id: string };
  let managerId: string;

  beforeAll(async () => {
    wave = await create({ name: 'Results' });
    [{ id: managerId }] = await app.db.dataSource.query(`SELECT id FROM users WHERE email = 'manager@demo.test'`);
    const db = app.db.dataSource.manager;
    await insertInvitations(db, wave.id, [...Array(10).fill('RESPONDED'), 'SENT', 'BOUNCED']);
    const t0 = Date.parse('2026-03-01T10:00:00Z');
    // 6 promoters, 2 passives, 2 detractors: NPS = 100 × (6 − 2) / 10 = 40.
    const scores = [9, 10, 10, 9, 10, 9, 7, 8, 3, 6];
    const ids = await insertResponses(
      db,
      wave.id,
      scores.map((score, i) => ({
        score,
        reason: i % 3 === 0 ? `reason ${i}` : i === 4 ? '   ' : null,
        suggestion: i === 8 ? 'call me back' : null,
        language: i % 2 ? 'pl' : 'en',
        ownerId: i < 5 ? managerId : null,
        submittedAt: new Date(t0 + i * 3600_000),
      })),
    );
    // Detractor 1 was reached within the SLA, detractor 2 only after it: first reaction 1/2.
    const due = new Date(t0 + 2 * DAY);
    await insertFollowUp(db, ids[8], { status: 'CONTACTED', dueAt: due, contactedAt: new Date(due.getTime() - 3600_000) });
    await insertFollowUp(db, ids[9], { status: 'RESOLVED', dueAt: due, contactedAt: new Date(due.getTime() + 3600_000), resolvedAt: new Date(due.getTime() + DAY) });
  });

  it('computes counts, response rate, NPS with the nps-core interval, stages and the score distribution', async () => {
    const res = await app.gql(GET, { id: wave.id }, tokens.leader);
    expect(res.errors).toBeUndefined();
    const expected = summarize({ promoters: 6, passives: 2, detractors: 2 });
    expect(expected.nps).toBe(40);
    expect(res.data.wave).toMatchObject({
      invited: 12,
      responded: 10,
      responseRate: 10 / 12,
      summary: {
        responses: 10,
        promoters: 6,
        passives: 2,
        detractors: 2,
        nps: 40,
        marginOfError: expected.marginOfError,
        ciLow: expected.ciLow,
        ciHigh: expected.ciHigh,
        band: 'great',
        suppressed: false,
      },
      stages: { survey: 10 / 12, firstReaction: 0.5, analysis: 0, improvements: 0 },
      //                  0  1  2  3  4  5  6  7  8  9 10
      scoreDistribution: [0, 0, 0, 1, 0, 0, 1, 1, 1, 3, 3],
    });
  });

  it('counts a follow-up resolved within the SLA without a separate contact as reached', async () => {
    const w = await create({ name: 'Resolved directly' });
    const db = app.db.dataSource.manager;
    const [a, b, c] = await insertResponses(db, w.id, [{ score: 2 }, { score: 5 }, { score: 0 }]);
    const due = new Date(Date.now() + DAY);
    await insertFollowUp(db, a, { status: 'RESOLVED', dueAt: due, resolvedAt: new Date() });
    await insertFollowUp(db, b, { status: 'OPEN', dueAt: due });
    // c has no follow-up at all (no owner): not reached.
    void c;
    const res = await app.gql(`query($id: ID!) { wave(id: $id) { stages { firstReaction survey } } }`, { id: w.id }, tokens.cx);
    expect(res.data.wave.stages).toEqual({ firstReaction: 1 / 3, survey: 0 });
  });

  it('lists the latest comments, newest first, and a manager only their own contacts’', async () => {
    const q = `query($id: ID!, $limit: Int) { wave(id: $id) { latestComments(limit: $limit) { score category reason suggestion language submittedAt } } }`;
    const all = (await app.gql(q, { id: wave.id, limit: 3 }, tokens.cx)).data.wave.latestComments;
    expect(all).toEqual([
      { score: 6, category: 'DETRACTOR', reason: 'reason 9', suggestion: null, language: 'pl', submittedAt: '2026-03-01T19:00:00.000Z' },
      { score: 3, category: 'DETRACTOR', reason: null, suggestion: 'call me back', language: 'en', submittedAt: '2026-03-01T18:00:00.000Z' },
      { score: 7, category: 'PASSIVE', reason: 'reason 6', suggestion: null, language: 'en', submittedAt: '2026-03-01T16:00:00.000Z' },
    ]);
    const defaultLimit = (await app.gql(q, { id: wave.id }, tokens.cx)).data.wave.latestComments;
    // Comments: responses 0, 3, 6, 8, 9 (response 4's reason is blank).
    expect(defaultLimit.map((c: { score: number }) => c.score)).toEqual([6, 3, 7, 9, 9]);
    const own = (await app.gql(q, { id: wave.id }, tokens.manager)).data.wave.latestComments;
    expect(own.map((c: { reason: string }) => c.reason)).toEqual(['reason 3', 'reason 0']);
    expect(fieldOf(await app.gql(q, { id: wave.id, limit: 0 }, tokens.cx))).toBe('limit');
    expect(fieldOf(await app.gql(q, { id: wave.id, limit: 51 }, tokens.cx))).toBe('limit');
  });

  it('keeps an employee wave’s results suppressed whatever its tables hold', async () => {
    const w = await create({ name: 'Employees', audience: 'EMPLOYEE' }, tokens.hr);
    const res = await app.gql(
      `query($id: ID!) { wave(id: $id) { invited responded responseRate summary { suppressed nps responses } scoreDistribution latestComments { reason } stages { survey firstReaction } } }`,
      { id: w.id },
      tokens.admin,
    );
    expect(res.data.wave).toEqual({
      invited: 0,
      responded: 0,
      responseRate: null,
      summary: { suppressed: true, nps: null, responses: null },
      scoreDistribution: [],
      latestComments: [],
      stages: { survey: 0, firstReaction: null },
    });
  });
});

describe('tenancy', () => {
  it("gives another organization nothing of the demo's waves", async () => {
    const demoWave = await create({ name: 'Demo only' });
    const other = await createOrganization(app.db.dataSource.manager, 'wavesother', ['ADMIN', 'CX']);
    const otherCx = await app.login(other.users.CX, other.password);
    const read = await app.gql(GET, { id: demoWave.id }, otherCx);
    expect(read.errors).toEqual((await app.gql(GET, { id: UNKNOWN_ID }, otherCx)).errors);
    const list = await app.gql(LIST, { first: 100 }, otherCx);
    expect(list.data.waves).toMatchObject({ totalCount: 0, edges: [] });
    const guessed = await app.gql(OPEN, { id: demoWave.id }, otherCx);
    const unknown = await app.gql(OPEN, { id: UNKNOWN_ID }, otherCx);
    expect(codeOf(guessed)).toBe('NOT_FOUND');
    expect(guessed.errors).toEqual(unknown.errors);
    const text = await app.gql(SET_TEXT, { waveId: demoWave.id, questionId: demoWave.questions[0].id, language: 'en', text: 'Hijacked' }, otherCx);
    expect(text.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
    const [row] = await app.db.dataSource.query(`SELECT status FROM waves WHERE id = $1`, [demoWave.id]);
    expect(row.status).toBe('DRAFT');
    // Its own waves are its own: created in its organization, invisible to the demo.
    const own = (await app.gql(CREATE, { input: { name: 'Other org wave', audience: 'CUSTOMER' } }, otherCx)).data.createWave;
    expect(codeOf(await app.gql(GET, { id: own.id }, tokens.cx))).toBe('NOT_FOUND');
  });
});

describe('cost of a page of waves', () => {
  /** Counts the SQL statements the data source runs while `run` is in flight. */
  async function statementsOf(run: () => Promise<unknown>): Promise<number> {
    const dataSource = app.db.dataSource;
    const original = dataSource.logger;
    let statements = 0;
    const counting: TypeOrmLogger = {
      logQuery: (...args) => {
        statements++;
        return original.logQuery(...args);
      },
      logQueryError: (...args) => original.logQueryError(...args),
      logQuerySlow: (...args) => original.logQuerySlow(...args),
      logSchemaBuild: (...args) => original.logSchemaBuild(...args),
      logMigration: (...args) => original.logMigration(...args),
      log: (...args) => original.log(...args),
    };
    (dataSource as { logger: TypeOrmLogger }).logger = counting;
    try {
      await run();
    } finally {
      (dataSource as { logger: TypeOrmLogger }).logger = original;
    }
    return statements;
  }

  it('is the same number of SQL statements for 2 + 2 waves as for 12 + 12 (identified and employee)', async () => {
    const org = await createOrganization(app.db.dataSource.manager, 'costly', ['CX', 'HR', 'ADMIN']);
    const cx = await app.login(org.users.CX, org.password);
    const hr = await app.login(org.users.HR, org.password);
    const admin = await app.login(org.users.ADMIN, org.password);
    const db = app.db.dataSource.manager;
    const addWaves = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const res = await app.gql(CREATE, { input: { name: `Wave ${i}`, audience: i % 2 ? 'CANDIDATE' : 'CUSTOMER' } }, cx);
        const id = res.data.createWave.id;
        await insertInvitations(db, id, ['RESPONDED', 'RESPONDED', 'SENT']);
        const [, detractor] = await insertResponses(db, id, [{ score: 10, reason: 'great' }, { score: 4, suggestion: 'faster' }]);
        await insertFollowUp(db, detractor, { status: 'CONTACTED', dueAt: new Date(Date.now() + 3600_000), contactedAt: new Date() });
        const employee = (await app.gql(CREATE, { input: { name: `Employees ${i}`, audience: 'EMPLOYEE' } }, hr)).data.createWave.id;
        await app.gql(OPEN, { id: employee }, hr);
        // 6 invited, 5 answers (k = 5), closed: every employee wave's whole-wave group is released
        // (its distribution is not: fewer than 2k answers).
        await insertTeam(db, employee, { orgUnitId: org.unit.id, invited: 6, answers: [10, 9, 8, 4, 10].map((score) => ({ score, reason: 'x' })) });
        await closeEmployeeWave(db, employee);
      }
    };
    const query = `{ waves(first: 50) { totalCount edges { node {
      id name questions { kind texts { language } } invited responded responseRate
      summary { nps ciLow } stages { survey firstReaction analysis improvements } scoreDistribution
      latestComments(limit: 2) { score reason } } } } }`;
    const page = async (expected: number) => {
      const res = await app.gql(query, {}, admin);
      expect(res.errors).toBeUndefined();
      expect(res.data.waves.edges).toHaveLength(2 * expected);
      for (const { node } of res.data.waves.edges) {
        if (node.name.startsWith('Employees')) {
          expect(node).toMatchObject({ invited: 6, responded: 5, summary: { nps: 40 }, stages: { firstReaction: null } });
          expect(node.scoreDistribution).toEqual([]);
          expect(node.latestComments).toEqual([]);
        } else {
          expect(node).toMatchObject({ invited: 3, responded: 2, summary: { nps: 0 }, stages: { firstReaction: 1 } });
          expect(node.latestComments).toHaveLength(2);
        }
      }
    };

    // The first read of a closed employee wave makes its release (once); the cost is of the reads after.
    await addWaves(2);
    await page(2);
    const forTwo = await statementsOf(() => page(2));
    await addWaves(10);
    await page(12);
    const forTwelve = await statementsOf(() => page(12));
    expect(forTwo).toBeGreaterThan(0);
    expect(forTwelve).toBe(forTwo);
  });
});

describe('searching waves', () => {
  it('finds waves by their name or public title, with the total', async () => {
    const stamp = Date.now().toString(36);
    const created = await app.gql(CREATE, { input: { name: `Searchable ${stamp}`, audience: 'CUSTOMER', languages: ['en', 'pl'], publicTitles: [{ language: 'pl', text: `Ankieta ${stamp}x` }] } }, tokens.cx);
    expect(created.errors).toBeUndefined();
    for (const search of [`searchable ${stamp}`, `ankieta ${stamp}x`]) {
      const res = await app.gql(LIST, { filter: { search } }, tokens.cx);
      expect(res.data.waves.totalCount).toBe(1);
      expect(res.data.waves.edges[0].node.id).toBe(created.data.createWave.id);
    }
    // Bad public titles are refused naming the field.
    const bad = await app.gql(CREATE, { input: { name: 'Bad titles', audience: 'CUSTOMER', languages: ['en'], publicTitles: [{ language: 'pl', text: 'Nie' }] } }, tokens.cx);
    expect(bad.errors?.[0]?.extensions?.field).toBe('input.publicTitles');
  });
});
