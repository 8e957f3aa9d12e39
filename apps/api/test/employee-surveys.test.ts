import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { ALL, INVITE, SUBMIT, SURVEY, draftWave, mailsTo, openWave, outbox, type OutboxMail } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Anonymous employee surveys through the API: the roster import, invitations to the whole roster,
 * the anonymous link, answers that keep nothing of the person, reminders that say how many but
 * never who. Every response of the file is collected and scanned at the end: none may carry an
 * employee's id or email (the roster list aside, whose purpose is the emails), a participation,
 * a token hash, or a time at which an employee answered.
 */
let app: TestApp;
let acme: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'hr' | 'admin' | 'cx' | 'manager' | 'leader' | 'demoHr' | 'demoCx' | 'demoManager' | 'demoLeader' | 'api', string> = {} as never;
const units: Record<'engineering' | 'support', string> = {} as never;
let waveId: string;
/** Each employee's link to the main wave, by email. */
const links: Record<string, string> = {};

/** Every response body of the file, with the operation that produced it. */
const seen: { query: string; body: string }[] = [];
/** When employee answers were being written: no response may show a time inside these. */
const answerWindows: [number, number][] = [];

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const count = async (sql: string, params: unknown[] = []) => (await app.db.dataSource.query(sql, params))[0].count as number;
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);

const IMPORT = `mutation($csv: String!) { importEmployees(csv: $csv) { imported created updated deactivated errors { line field message } } }`;
const ROSTER = `query($filter: EmployeeFilter, $first: Int, $after: String) {
  employees(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { email name language orgUnit { id name } location tenureBand active createdAt updatedAt } } } }`;
const REMIND = `mutation($w: ID!) { remindWave(waveId: $w) { reminded skipped unsubscribed recentlyMailed failed } }`;
const EMPLOYEE_SURVEY = `query($token: String!, $language: String) {
  surveyByToken(token: $token, language: $language) {
    waveName audience language languages alreadyAnswered closed unsubscribed anonymous anonymityThreshold questions { kind text } } }`;

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const HEADER = 'email,name,language,org_unit,location,tenure_band';

const importCsv = (csv: string, token = tokens.hr) => app.gql(IMPORT, { csv }, token);

async function roster(token = tokens.hr, filter: Record<string, unknown> = {}) {
  const res = await app.gql(ROSTER, { filter, first: 100 }, token);
  expect(res.errors).toBeUndefined();
  return res.data.employees.edges.map((e: { node: unknown }) => e.node) as any[];
}

/** A snapshot of the acme roster, for "nothing changed". */
const rosterRows = () =>
  sql(`SELECT email, name, language, org_unit_id, location, tenure_band, active FROM employees WHERE organization_id = $1 ORDER BY email`, [acme.org.id]);

/** The employee-wave mails of one wave to one address. */
const waveMails = (email: string, wave = 'Acme pulse'): OutboxMail[] => mailsTo(app, email).filter((m) => m.body.includes(wave));

async function submit(token: string, input: Record<string, unknown>): Promise<GqlResult> {
  const started = Date.now();
  const res = await app.gql(SUBMIT, { token, input });
  answerWindows.push([started, Date.now()]);
  return res;
}

beforeAll(async () => {
  app = await startTestApp();
  // Collect every response body, whoever sends the request (the support helpers too).
  const gql = app.gql.bind(app);
  app.gql = (async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await gql(query, variables, token);
    seen.push({ query, body: JSON.stringify(res) });
    return res;
  }) as TestApp['gql'];

  acme = await createOrganization(app.db.dataSource.manager, 'acme', ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER']);
  for (const [key, name] of [['engineering', 'Engineering'], ['support', 'Support']] as const) {
    const [row] = await sql(`INSERT INTO org_units (organization_id, name) VALUES ($1, $2) RETURNING id`, [acme.org.id, name]);
    units[key] = row.id;
  }
  const roles = { hr: 'HR', admin: 'ADMIN', cx: 'CX', manager: 'MANAGER', leader: 'LEADER' } as const;
  for (const [key, role] of Object.entries(roles)) tokens[key as keyof typeof roles] = await app.login(acme.users[role], acme.password);
  tokens.demoHr = await app.login('hr@demo.test');
  tokens.demoCx = await app.login('cx@demo.test');
  tokens.demoManager = await app.login('manager@demo.test');
  tokens.demoLeader = await app.login('leader@demo.test');
  const issued = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
    id: DEMO_API_CLIENT.clientId,
    s: DEMO_API_CLIENT.clientSecret,
  });
  tokens.api = issued.data.issueApiToken.accessToken;
});
afterAll(() => app?.close());

describe('importEmployees', () => {
  it('imports the roster: names normalised, a BOM, CRLF, trimmed values, language defaulting to English', async () => {
    const csv =
      '\uFEFF' +
      [
        'Email,Name,Language,Org Unit,Location,Tenure Band',
        ' Ann@Acme.test ,"Able, Ann",PL,engineering,  Warsaw ,<1y',
        'bob@acme.test,Bob Best,,Engineering,Remote,',
        'cid@acme.test,Cid Cole,da,Support,Copenhagen,3y+',
        'dee@acme.test,Dee Dunn,ru,support,Remote,1-3y',
        'eve@acme.test,Eve East,sl,,Ljubljana,1-3y',
        'fay@acme.test,Fay Fox,en,acme HQ,Remote,3y+',
        '',
      ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.errors).toBeUndefined();
    expect(res.data.importEmployees).toEqual({ imported: 6, created: 6, updated: 0, deactivated: 0, errors: [] });

    const people = await roster();
    expect(people).toHaveLength(6);
    const ann = people.find((p) => p.email === 'ann@acme.test');
    expect(ann).toMatchObject({ name: 'Able, Ann', language: 'pl', orgUnit: { id: units.engineering, name: 'Engineering' }, location: 'Warsaw', tenureBand: '<1y', active: true });
    expect(people.find((p) => p.email === 'bob@acme.test')).toMatchObject({ language: 'en', tenureBand: null });
    expect(people.find((p) => p.email === 'eve@acme.test')).toMatchObject({ orgUnit: null, location: 'Ljubljana' });
    // The demo organization's roster is its own.
    expect((await roster(tokens.demoHr)).some((p) => p.email.endsWith('@acme.test'))).toBe(false);
    expect((await roster(tokens.hr)).some((p) => p.email.endsWith('@demo-company.example'))).toBe(false);
  });

  it('reports every bad row with its line and column, never repeating an email, and imports nothing', async () => {
    const before = await rosterRows();
    const csv = lines(
      HEADER, // 1
      'new@acme.test,New Person,en,Support,Remote,<1y', // 2
      'not-an-email,Bad Email,en,Support,,', // 3
      ',No Email,en,,,', // 4
      'noname@acme.test,  ,en,,,', // 5
      'lang@acme.test,Language,de,,,', // 6
      'unit@acme.test,Unit,en,Atlantis,,', // 7
      'NEW@acme.test,Again,en,,,', // 8
      `loc@acme.test,Location,en,,${'x'.repeat(101)},`, // 9
      `ten@acme.test,Tenure,en,,,${'y'.repeat(101)}`, // 10
      'cells@acme.test,Cells,en,,,,extra', // 11
      'ann@acme.test,Ann Changed,en,Support,Remote,<1y', // 12: fine, but the file has errors
    );
    const res = await importCsv(csv);
    expect(res.errors).toBeUndefined();
    const { imported, created, updated, deactivated, errors } = res.data.importEmployees;
    expect({ imported, created, updated, deactivated }).toEqual({ imported: 0, created: 0, updated: 0, deactivated: 0 });
    expect(errors.map((e: { line: number; field: string | null }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'email'],
      [5, 'name'],
      [6, 'language'],
      [7, 'org_unit'],
      [8, 'email'],
      [9, 'location'],
      [10, 'tenure_band'],
      [11, null],
    ]);
    expect(errors.find((e: { line: number }) => e.line === 8).message).toContain('line 2');
    expect(errors.find((e: { line: number }) => e.line === 6).message).toMatch(/en, pl, da, ru, sl/);
    expect(errors.find((e: { line: number }) => e.line === 7).message).toContain('Atlantis');
    // An employee's email is never repeated in a message.
    for (const e of errors) expect(e.message).not.toMatch(/@|not-an-email/);
    expect(await rosterRows()).toEqual(before);
  });

  it('reports header problems on line 1, and refuses an empty file on csv', async () => {
    const before = await rosterRows();
    const res = await importCsv(lines('email,name,Department,language,name', 'x@acme.test,X,Sales,en,X'));
    expect(res.data.importEmployees.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [1, 'department'],
      [1, 'name'],
      [1, 'org_unit'],
    ]);
    for (const csv of ['', lines(HEADER)]) {
      const empty = await importCsv(csv);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    }
    expect(await rosterRows()).toEqual(before);
  });

  it('updates people by email, keeps a column the file leaves out, and marks leavers inactive', async () => {
    // No location column: everyone keeps theirs. Dee, Eve and Fay are not in the file: leavers.
    const res = await importCsv(
      lines(
        'email,name,language,org_unit,tenure_band',
        'ann@acme.test,Ann Able,pl,Engineering,1-3y',
        'bob@acme.test,Bob Best,en,Support,1-3y',
        'cid@acme.test,Cid Cole,da,Support,3y+',
        'gus@acme.test,Gus Gray,pl,Engineering,<1y',
      ),
    );
    expect(res.data.importEmployees).toEqual({ imported: 4, created: 1, updated: 3, deactivated: 3, errors: [] });
    const people = await roster();
    expect(people.find((p) => p.email === 'ann@acme.test')).toMatchObject({ name: 'Ann Able', location: 'Warsaw', tenureBand: '1-3y', active: true });
    expect(people.find((p) => p.email === 'bob@acme.test')).toMatchObject({ orgUnit: { name: 'Support' }, location: 'Remote' });
    expect(people.find((p) => p.email === 'gus@acme.test')).toMatchObject({ location: null, active: true });
    expect((await roster(tokens.hr, { active: false })).map((p) => p.email).sort()).toEqual(['dee@acme.test', 'eve@acme.test', 'fay@acme.test']);

    // Dee and Eve come back; Fay stays a leaver.
    const again = await importCsv(
      lines(
        HEADER,
        'ann@acme.test,Ann Able,pl,Engineering,Warsaw,1-3y',
        'bob@acme.test,Bob Best,en,Support,Remote,1-3y',
        'cid@acme.test,Cid Cole,da,Support,Copenhagen,3y+',
        'dee@acme.test,Dee Dunn,ru,Support,Remote,1-3y',
        'eve@acme.test,Eve East,sl,Engineering,Ljubljana,1-3y',
        'gus@acme.test,Gus Gray,pl,Engineering,Warsaw,<1y',
      ),
    );
    expect(again.data.importEmployees).toEqual({ imported: 6, created: 0, updated: 6, deactivated: 0, errors: [] });
    expect((await roster(tokens.hr, { active: true })).map((p) => p.email).sort()).toEqual(
      ['ann', 'bob', 'cid', 'dee', 'eve', 'gus'].map((n) => `${n}@acme.test`),
    );
    expect((await roster(tokens.hr, { search: 'FOX' })).map((p) => p.active)).toEqual([false]);
    expect(await roster(tokens.hr, { orgUnitIds: [units.engineering] })).toHaveLength(3);
    expect(await roster(tokens.hr, { orgUnitIds: ['not-a-uuid'] })).toHaveLength(0);
  });

  it('pages through the roster in alphabetical order, with cursors that hold no id', async () => {
    const all = (await roster()).map((p) => p.name);
    expect(all).toEqual([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const names: string[] = [];
    let after: string | null = null;
    do {
      const res: GqlResult = await app.gql(ROSTER, { first: 2, after }, tokens.hr);
      const page = res.data.employees;
      expect(page.totalCount).toBe(all.length);
      names.push(...page.edges.map((e: { node: { name: string } }) => e.node.name));
      for (const e of page.edges) expect(Buffer.from(e.cursor, 'base64url').toString()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(all);
    expect(fieldOf(await app.gql(ROSTER, { after: 'garbage' }, tokens.hr))).toBe('after');
    expect(fieldOf(await app.gql(ROSTER, { first: 101 }, tokens.hr))).toBe('first');
  });

  it('is for HR and admins only', async () => {
    const before = await rosterRows();
    const csv = lines(HEADER, 'zed@acme.test,Zed,en,,,');
    for (const token of [tokens.cx, tokens.manager, tokens.leader, tokens.api]) {
      expect(codeOf(await importCsv(csv, token))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(ROSTER, {}, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await importCsv(csv, ''))).toBe('UNAUTHENTICATED');
    expect(await rosterRows()).toEqual(before);
    expect((await app.gql(ROSTER, { first: 1 }, tokens.admin)).data.employees.totalCount).toBe(7);
  });

  it('shows roster data only: no type of the schema leads from a person to a survey', async () => {
    const res = await app.gql(`{ __schema { types { name kind fields { name type { name kind ofType { name ofType { name ofType { name } } } } } } } }`);
    const types: { name: string; kind: string; fields: { name: string }[] | null }[] = res.data.__schema.types;
    const employee = types.find((t) => t.name === 'Employee')!;
    expect(employee.fields!.map((f) => f.name).sort()).toEqual(['active', 'createdAt', 'email', 'language', 'location', 'name', 'orgUnit', 'tenureBand', 'updatedAt']);
    // Nothing anywhere names a participation, and the batch results are numbers only.
    for (const t of types) {
      expect(t.name).not.toMatch(/participation|employeeanswer/i);
      for (const f of t.fields ?? []) expect(`${t.name}.${f.name}`).not.toMatch(/participation/i);
    }
    for (const name of ['InvitationBatch', 'ReminderBatch']) {
      const t = types.find((x) => x.name === name)!;
      expect(JSON.stringify(t.fields)).not.toMatch(/"kind":"(OBJECT|LIST)"/);
    }
  });
});

describe('inviting employees', () => {
  it('refuses a draft wave, and naming individuals', async () => {
    const draft = await draftWave(app, tokens.hr, { name: 'Acme draft', audience: 'EMPLOYEE' });
    expect(codeOf(await app.gql(INVITE, { waveId: draft }, tokens.hr))).toBe('INVALID_STATE');
    // Respondents read the public title, never the internal name: here they are the same words.
    waveId = await openWave(app, tokens.hr, {
      name: 'Acme pulse',
      audience: 'EMPLOYEE',
      publicTitles: ['en', 'pl', 'da', 'ru', 'sl'].map((language) => ({ language, text: 'Acme pulse' })),
    });
    const named = await app.gql(INVITE, { waveId, contactIds: ['00000000-0000-4000-8000-000000000000'] }, tokens.hr);
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactIds' });
    expect(fieldOf(await app.gql(INVITE, { waveId, contactIds: [] }, tokens.hr))).toBe('contactIds');
    expect(await count(`SELECT count(*)::int AS count FROM employee_participations WHERE wave_id = ANY($1)`, [[draft, waveId]])).toBe(0);
  });

  it('invites every active employee with an anonymous link in their language, storing only the hash and the date', async () => {
    const res = await app.gql(INVITE, { waveId, target: ALL }, tokens.hr);
    expect(res.data.inviteToWave).toEqual({ invited: 6, skipped: 0, alreadyInvited: 0, throttled: 0, unsubscribed: 0, failed: 0 });

    for (const name of ['ann', 'bob', 'cid', 'dee', 'eve', 'gus']) {
      const mails = waveMails(`${name}@acme.test`);
      expect(mails, name).toHaveLength(1);
      links[`${name}@acme.test`] = mails[0].token;
      expect(mails[0].body).toContain(`${app.config.publicUrl}/s/${mails[0].token}`);
      expect(mails[0].body).not.toContain('/unsubscribe/');
      // The outbox file name does not show the recipient (who gets a reminder has not answered).
      expect(mails[0].file).not.toContain(name);
    }
    expect(waveMails('fay@acme.test')).toHaveLength(0);
    const ann = waveMails('ann@acme.test')[0];
    expect(ann.body).toContain('Dzień dobry Ann Able');
    expect(ann.body).toContain('Twoja odpowiedź jest anonimowa');
    expect(ann.body).toContain('co najmniej 5 osób');
    expect(waveMails('cid@acme.test')[0].body).toContain('Dit svar er anonymt');
    expect(waveMails('dee@acme.test')[0].body).toContain('Ваш ответ анонимен');
    expect(waveMails('eve@acme.test')[0].body).toContain('Vaš odgovor je anonimen');
    expect(waveMails('bob@acme.test')[0].body).toContain('Your answer is anonymous');

    const rows = await sql(
      `SELECT p.token_hash, p.responded, p.invited_on::text AS invited_on, p.reminders, e.email
         FROM employee_participations p JOIN employees e ON e.id = p.employee_id WHERE p.wave_id = $1`,
      [waveId],
    );
    expect(rows).toHaveLength(6);
    const today = new Date().toISOString().slice(0, 10);
    for (const row of rows) expect(row).toMatchObject({ token_hash: sha256(links[row.email]), responded: false, invited_on: today, reminders: 0 });
    const types = await sql(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'employee_participations' AND column_name LIKE '%\\_on'`);
    expect(types.map((t: { column_name: string }) => t.column_name).sort()).toEqual(['invited_on', 'reminded_on']);
    expect(types.every((t: { data_type: string }) => t.data_type === 'date')).toBe(true);
    // The raw tokens are nowhere in the table.
    expect(await count(`SELECT count(*)::int AS count FROM employee_participations WHERE token_hash = ANY($1)`, [Object.values(links)])).toBe(0);
  });

  it('invites nobody new when asked again: the participants were fixed by the first invitation', async () => {
    // Someone joins the roster after the wave's first invitation: they are not invited to it.
    await importCsv(
      lines(
        HEADER,
        'ann@acme.test,Ann Able,pl,Engineering,Warsaw,1-3y',
        'bob@acme.test,Bob Best,en,Support,Remote,1-3y',
        'cid@acme.test,Cid Cole,da,Support,Copenhagen,3y+',
        'dee@acme.test,Dee Dunn,ru,Support,Remote,<1y',
        'eve@acme.test,Eve East,sl,Engineering,Ljubljana,1-3y',
        'gus@acme.test,Gus Gray,pl,Engineering,Warsaw,<1y',
        'hal@acme.test,Hal Hunt,en,Engineering,Warsaw,<1y',
      ),
    );
    const again = await app.gql(INVITE, { waveId, target: ALL }, tokens.hr);
    expect(again.data.inviteToWave).toMatchObject({ invited: 0, skipped: 6, alreadyInvited: 6 });
    expect(waveMails('ann@acme.test')).toHaveLength(1);
    expect(waveMails('hal@acme.test')).toHaveLength(0);
    expect(await count(`SELECT count(*)::int AS count FROM employee_participations WHERE wave_id = $1`, [waveId])).toBe(6);
  });

  it('lets only HR and admins invite employees; CX, managers, leaders and API clients are FORBIDDEN', async () => {
    const [demoWave] = await sql(`SELECT w.id FROM waves w JOIN organizations o ON o.id = w.organization_id WHERE o.slug = 'demo' AND w.audience = 'EMPLOYEE' AND w.status = 'OPEN'`);
    const before = await count(`SELECT count(*)::int AS count FROM employee_participations WHERE wave_id = $1`, [demoWave.id]);
    for (const token of [tokens.demoCx, tokens.demoManager, tokens.demoLeader, tokens.api]) {
      expect(codeOf(await app.gql(INVITE, { waveId: demoWave.id }, token))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(REMIND, { w: demoWave.id }, token))).toBe('FORBIDDEN');
    }
    for (const token of [tokens.cx, tokens.manager]) expect(codeOf(await app.gql(INVITE, { waveId }, token))).toBe('FORBIDDEN');
    expect(await count(`SELECT count(*)::int AS count FROM employee_participations WHERE wave_id = $1`, [demoWave.id])).toBe(before);
    // HR runs employee waves only.
    const customerWave = await openWave(app, tokens.cx, { name: 'Acme customers' });
    expect(codeOf(await app.gql(INVITE, { waveId: customerWave }, tokens.hr))).toBe('FORBIDDEN');
    // An admin may: nobody is left to invite.
    expect((await app.gql(INVITE, { waveId, target: ALL }, tokens.admin)).data.inviteToWave.invited).toBe(0);
  });

  it("gives another organization nothing of the demo's employee wave", async () => {
    const [demoWave] = await sql(`SELECT w.id FROM waves w JOIN organizations o ON o.id = w.organization_id WHERE o.slug = 'demo' AND w.audience = 'EMPLOYEE' AND w.status = 'OPEN'`);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const op of [INVITE, REMIND]) {
      const vars = (id: string) => (op === INVITE ? { waveId: id } : { w: id });
      const guessed = await app.gql(op, vars(demoWave.id), tokens.hr);
      expect(guessed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
      expect(guessed.errors).toEqual((await app.gql(op, vars(unknown), tokens.hr)).errors);
    }
    expect((await app.gql(`query($id: ID!) { wave(id: $id) { id } }`, { id: demoWave.id }, tokens.hr)).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    const demoWaves = await app.gql(`{ waves(first: 100) { edges { node { id } } } }`, {}, tokens.hr);
    expect(demoWaves.data.waves.edges.some((e: { node: { id: string } }) => e.node.id === demoWave.id)).toBe(false);
    // ...and the demo's HR nothing of acme's.
    expect(codeOf(await app.gql(INVITE, { waveId }, tokens.demoHr))).toBe('NOT_FOUND');
  });
});

describe('answering anonymously', () => {
  it("shows the survey in the employee's language, says it is anonymous, and records nothing on opening", async () => {
    const before = await sql(`SELECT * FROM employee_participations WHERE wave_id = $1 ORDER BY id`, [waveId]);
    const res = await app.gql(EMPLOYEE_SURVEY, { token: links['ann@acme.test'] });
    expect(res.data.surveyByToken).toMatchObject({
      waveName: 'Acme pulse',
      audience: 'EMPLOYEE',
      language: 'pl',
      alreadyAnswered: false,
      closed: false,
      unsubscribed: false,
      anonymous: true,
      anonymityThreshold: 5,
    });
    expect(res.data.surveyByToken.questions[0]).toEqual({ kind: 'NPS', text: 'Jak prawdopodobne jest, że polecisz nas jako miejsce pracy?' });
    expect((await app.gql(EMPLOYEE_SURVEY, { token: links['ann@acme.test'], language: 'da' })).data.surveyByToken.language).toBe('da');
    expect(await sql(`SELECT * FROM employee_participations WHERE wave_id = $1 ORDER BY id`, [waveId])).toEqual(before);
    // Identified links keep their own fields: not anonymous.
    expect((await app.gql(SURVEY, { token: 'A'.repeat(43) })).data.surveyByToken).toBeNull();
    // An employee cannot unsubscribe from employee surveys through the link.
    expect(codeOf(await app.gql(`mutation($t: String!) { unsubscribe(token: $t) }`, { t: links['ann@acme.test'] }))).toBe('NOT_FOUND');
  });

  it('refuses bad input like identified answers do, and changes nothing', async () => {
    const token = links['ann@acme.test'];
    const cases: [Record<string, unknown>, string][] = [
      [{ score: 11 }, 'input.score'],
      [{ score: -1 }, 'input.score'],
      [{ score: 5, reason: 'x'.repeat(5001) }, 'input.reason'],
      [{ score: 5, suggestion: 'x'.repeat(5001) }, 'input.suggestion'],
      [{ score: 5, language: 'de' }, 'input.language'],
      [{ score: 5, ratings: [{ criterion: 'pay', value: 3 }] }, 'input.ratings'],
    ];
    for (const [input, field] of cases) {
      const res = await submit(token, input);
      expect(res.errors?.[0].extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count(`SELECT count(*)::int AS count FROM employee_answers WHERE wave_id = $1`, [waveId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS count FROM employee_participations WHERE wave_id = $1 AND responded`, [waveId])).toBe(0);
  });

  it('stores the answer with nothing in common with the participation: no employee, participation, token or time', async () => {
    const followUps = await count(`SELECT count(*)::int AS count FROM follow_ups`);
    const res = await submit(links['ann@acme.test'], { score: 3, reason: '  Too much overtime lately.  ', suggestion: 'Hire two more people.' });
    expect(res.data?.submitResponse).toEqual({ ok: true });
    expect((await app.gql(EMPLOYEE_SURVEY, { token: links['ann@acme.test'] })).data.surveyByToken.alreadyAnswered).toBe(true);
    // A detractor, but an anonymous answer has no owner: no follow-up.
    expect(await count(`SELECT count(*)::int AS count FROM follow_ups`)).toBe(followUps);

    // Staged: fewer than k answers wait in the staging table, with no key, id or time.
    expect(await count(`SELECT count(*)::int AS count FROM employee_answers WHERE wave_id = $1`, [waveId])).toBe(0);
    const answers = await sql(`SELECT * FROM employee_answer_staging WHERE wave_id = $1`, [waveId]);
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer).toMatchObject({
      organization_id: acme.org.id,
      score: 3,
      reason: 'Too much overtime lately.',
      suggestion: 'Hire two more people.',
      language: 'pl',
      ratings: [],
      org_unit_id: units.engineering,
      location: 'Warsaw',
      tenure_band: '1-3y',
    });

    // The columns: a staged or stored answer has these and nothing else, and no time of any kind.
    const columns = async (table: string) =>
      (await sql(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY column_name`, [table])) as {
        column_name: string;
        data_type: string;
      }[];
    const answerColumns = ['language', 'location', 'org_unit_id', 'organization_id', 'ratings', 'reason', 'score', 'suggestion', 'tenure_band', 'wave_id'];
    for (const table of ['employee_answer_staging', 'employee_answers']) {
      const found = await columns(table);
      expect(found.map((c) => c.column_name).sort(), table).toEqual(answerColumns);
      expect(found.filter((c) => /time|date/.test(c.data_type)), table).toEqual([]);
    }
    // What an answer shares with the participation: the organization, the wave and the snapshot's
    // cell (unit, location, tenure band) — no id, no key, no time.
    const participationColumns = (await columns('employee_participations')).map((c) => c.column_name);
    expect(answerColumns.filter((c) => participationColumns.includes(c)).sort()).toEqual(['location', 'org_unit_id', 'organization_id', 'tenure_band', 'wave_id']);
    const keys = await sql(`SELECT count(*)::int AS count FROM information_schema.table_constraints WHERE table_name IN ('employee_answers', 'employee_answer_staging') AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')`);
    expect(keys[0].count).toBe(0);

    const [participation] = await sql(
      `SELECT p.*, e.id AS employee FROM employee_participations p JOIN employees e ON e.id = p.employee_id WHERE e.email = 'ann@acme.test' AND p.wave_id = $1`,
      [waveId],
    );
    expect(participation.responded).toBe(true);
    // No value of the answer is the participation's id, the employee's id or the token's hash.
    const values = Object.values(answer).map((v) => JSON.stringify(v));
    for (const secret of [participation.id, participation.employee, participation.token_hash, links['ann@acme.test']]) {
      expect(values.some((v) => v.includes(secret))).toBe(false);
    }
  });

  it('refuses a second answer on the same link with CONFLICT on token, and the first stays', async () => {
    const res = await submit(links['ann@acme.test'], { score: 10, reason: 'Changed my mind' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'token' });
    const answers = await sql(`SELECT score, reason FROM employee_answer_staging WHERE wave_id = $1`, [waveId]);
    expect(answers).toEqual([{ score: 3, reason: 'Too much overtime lately.' }]);
  });

  it('takes exactly one of concurrent answers on the same link', async () => {
    const token = links['bob@acme.test'];
    const results = await Promise.all([
      submit(token, { score: 9, reason: 'first' }),
      submit(token, { score: 2, reason: 'second' }),
      submit(token, { score: 6, reason: 'third' }),
    ]);
    expect(results.filter((r) => r.data?.submitResponse?.ok)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(2);
    expect(await count(`SELECT count(*)::int AS count FROM employee_answer_staging WHERE wave_id = $1`, [waveId])).toBe(2);
  });

  it('moves staged answers on in one shuffled batch once k are waiting, and never loses one', async () => {
    await sql(`UPDATE organizations SET settings = settings || '{"anonymityThreshold": 3}' WHERE id = $1`, [acme.org.id]);
    try {
      expect((await submit(links['cid@acme.test'], { score: 7, reason: 'Fine.' })).data?.submitResponse).toEqual({ ok: true });
      expect(await count(`SELECT count(*)::int AS count FROM employee_answer_staging WHERE wave_id = $1`, [waveId])).toBe(0);
      expect(await count(`SELECT count(*)::int AS count FROM employee_answers WHERE wave_id = $1`, [waveId])).toBe(3);
    } finally {
      await sql(`UPDATE organizations SET settings = settings - 'anonymityThreshold' WHERE id = $1`, [acme.org.id]);
    }
  });

  it('never lists employee answers as responses', async () => {
    for (const filter of [{ waveIds: [waveId] }, { audience: 'EMPLOYEE' }]) {
      const res = await app.gql(`query($f: ResponseFilter) { responses(filter: $f) { totalCount } }`, { f: filter }, tokens.cx);
      expect(res.data.responses.totalCount).toBe(0);
    }
    expect(await count(`SELECT count(*)::int AS count FROM responses WHERE wave_id = $1`, [waveId])).toBe(0);
    // HR does not read identified responses at all.
    expect(codeOf(await app.gql(`{ responses { totalCount } }`, {}, tokens.hr))).toBe('FORBIDDEN');
  });

  it('refuses answers once the wave is closed', async () => {
    const closing = await openWave(app, tokens.hr, { name: 'Acme closing pulse', audience: 'EMPLOYEE', publicTitles: ['en', 'pl', 'da', 'ru', 'sl'].map((language) => ({ language, text: 'Acme closing pulse' })) });
    await app.gql(INVITE, { waveId: closing, target: ALL }, tokens.hr);
    const link = waveMails('cid@acme.test', 'Acme closing pulse')[0].token;
    expect((await app.gql(`mutation($id: ID!) { closeWave(id: $id) { status } }`, { id: closing }, tokens.hr)).data.closeWave.status).toBe('CLOSED');
    const res = await submit(link, { score: 8 });
    expect(codeOf(res)).toBe('INVALID_STATE');
    expect((await app.gql(EMPLOYEE_SURVEY, { token: link })).data.surveyByToken).toMatchObject({ closed: true, alreadyAnswered: false });
    expect(await count(`SELECT count(*)::int AS count FROM employee_answers WHERE wave_id = $1`, [closing])).toBe(0);
    expect(codeOf(await app.gql(INVITE, { waveId: closing }, tokens.hr))).toBe('INVALID_STATE');
    expect(codeOf(await app.gql(REMIND, { w: closing }, tokens.hr))).toBe('INVALID_STATE');
  });
});

describe('reminders', () => {
  it('withhold their counts in a wave of fewer than k invited people', async () => {
    await sql(`UPDATE organizations SET settings = settings || '{"anonymityThreshold": 50}' WHERE id = $1`, [acme.org.id]);
    try {
      const res = await app.gql(`mutation($w: ID!) { remindWave(waveId: $w) { reminded skipped recentlyMailed countsHidden } }`, { w: waveId }, tokens.hr);
      expect(res.data.remindWave).toEqual({ reminded: 0, skipped: 0, recentlyMailed: 0, countsHidden: true });
    } finally {
      await sql(`UPDATE organizations SET settings = settings - 'anonymityThreshold' WHERE id = $1`, [acme.org.id]);
    }
  });

  it('reach only the people who have not answered, with the link they already have, and tell HR how many, not who', async () => {
    // Not on the day of the invitations.
    expect((await app.gql(REMIND, { w: waveId }, tokens.hr)).data.remindWave).toEqual({ reminded: 0, skipped: 3, unsubscribed: 0, recentlyMailed: 3, failed: 0 });
    expect(outbox(app).filter((m) => m.body.includes('Acme pulse') && /Przypomnienie|Reminder|Påmindelse|Напоминание|Opomnik/.test(m.raw))).toHaveLength(0);

    await sql(`UPDATE employee_participations SET invited_on = invited_on - 3 WHERE wave_id = $1`, [waveId]);
    // Dee leaves after the invitation: she is reminded like everyone else (skipping leavers would
    // let a roster change reveal, through the count, whether one person had answered).
    await importCsv(
      lines(
        HEADER,
        'ann@acme.test,Ann Able,pl,Engineering,Warsaw,1-3y',
        'bob@acme.test,Bob Best,en,Support,Remote,1-3y',
        'cid@acme.test,Cid Cole,da,Support,Copenhagen,3y+',
        'eve@acme.test,Eve East,sl,Engineering,Ljubljana,1-3y',
        'gus@acme.test,Gus Gray,pl,Engineering,Warsaw,<1y',
      ),
    );
    const res = await app.gql(REMIND, { w: waveId }, tokens.hr);
    expect(res.data.remindWave).toEqual({ reminded: 3, skipped: 0, unsubscribed: 0, recentlyMailed: 0, failed: 0 });

    // Ann, Bob and Cid answered: one mail each. Dee, Eve and Gus: the invitation and a reminder.
    for (const name of ['ann', 'bob', 'cid']) expect(waveMails(`${name}@acme.test`), name).toHaveLength(1);
    for (const name of ['dee', 'eve', 'gus']) {
      const mails = waveMails(`${name}@acme.test`);
      expect(mails, name).toHaveLength(2);
      expect(mails[1].token).toBe(mails[0].token);
    }
    expect(waveMails('gus@acme.test')[1].body).toContain('przypominamy o naszej anonimowej ankiecie');

    // The reminder repeats the link of the invitation, which still works until the wave closes.
    const [first, reminder] = waveMails('gus@acme.test');
    expect((await app.gql(EMPLOYEE_SURVEY, { token: first.token })).data.surveyByToken).not.toBeNull();
    expect((await submit(first.token, { score: 8, reason: 'Nice people.' })).data.submitResponse.ok).toBe(true);
    links['gus@acme.test'] = reminder.token;
    const rows = await sql(
      `SELECT e.email, p.reminders, p.reminded_on::text AS reminded_on, p.token_hash FROM employee_participations p JOIN employees e ON e.id = p.employee_id WHERE p.wave_id = $1 ORDER BY e.email`,
      [waveId],
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(rows.map((r: { email: string; reminders: number; reminded_on: string | null }) => [r.email.split('@')[0], r.reminders, r.reminded_on])).toEqual([
      ['ann', 0, null],
      ['bob', 0, null],
      ['cid', 0, null],
      ['dee', 1, today],
      ['eve', 1, today],
      ['gus', 1, today],
    ]);
    expect(rows.find((r: { email: string }) => r.email === 'gus@acme.test').token_hash).toBe(sha256(reminder.token));

    // Once a day: a second reminder today mails nobody.
    expect((await app.gql(REMIND, { w: waveId }, tokens.hr)).data.remindWave).toMatchObject({ reminded: 0, recentlyMailed: 2 });
    expect(waveMails('dee@acme.test')).toHaveLength(2);
  });
});

describe('the demo organization', () => {
  it('has a roster over several units with a small one, a closed and an open employee wave with answers', async () => {
    const [demo] = await sql(`SELECT id FROM organizations WHERE slug = 'demo'`);
    const perUnit = await sql(
      `SELECT u.name, count(*)::int AS count FROM employees e JOIN org_units u ON u.id = e.org_unit_id WHERE e.organization_id = $1 AND e.active GROUP BY u.name`,
      [demo.id],
    );
    const sizes = Object.fromEntries(perUnit.map((r: { name: string; count: number }) => [r.name, r.count]));
    expect(Object.values(sizes).reduce((a: number, b) => a + (b as number), 0)).toBe(60);
    expect(sizes['People & Culture']).toBe(3);
    expect(Object.values(sizes).filter((n) => (n as number) >= 5).length).toBeGreaterThanOrEqual(4);
    expect(await count(`SELECT count(*)::int AS count FROM employees WHERE organization_id = $1 AND NOT active`, [demo.id])).toBe(2);
    const languages = await sql(`SELECT DISTINCT language FROM employees WHERE organization_id = $1 ORDER BY language`, [demo.id]);
    expect(languages.map((r: { language: string }) => r.language)).toEqual(['da', 'en', 'pl', 'ru', 'sl']);

    const waves = await sql(
      `SELECT w.name, w.status, (SELECT count(*)::int FROM employee_answers a WHERE a.wave_id = w.id)
                                + (SELECT count(*)::int FROM employee_answer_staging a WHERE a.wave_id = w.id) AS answers,
              (SELECT responses FROM employee_release_groups g WHERE g.wave_id = w.id AND g.key = 'all') AS released,
              (SELECT count(*)::int FROM employee_participations p WHERE p.wave_id = w.id) AS invited,
              (SELECT count(*)::int FROM employee_participations p WHERE p.wave_id = w.id AND p.responded) AS responded
         FROM waves w WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE' ORDER BY w.opens_at`,
      [demo.id],
    );
    // Two earlier quarterly pulses (demo-history.ts), last quarter's, one that closed yesterday and
    // the one running now (demo-employees.ts). Closed waves keep only their release.
    expect(waves).toHaveLength(5);
    expect(waves[0]).toMatchObject({ status: 'CLOSED', answers: 0, released: 42, invited: 62, responded: 42 });
    expect(waves[1]).toMatchObject({ status: 'CLOSED', answers: 0, released: 44, invited: 62, responded: 44 });
    expect(waves[2]).toMatchObject({ status: 'CLOSED', answers: 0, released: 40, invited: 62, responded: 40 });
    expect(waves[3]).toMatchObject({ status: 'CLOSED', answers: 0, released: 31, invited: 60, responded: 31 });
    for (const w of waves) expect(w.name).toMatch(/^Employee pulse Q\d \d{4}$/);
    expect(waves[4]).toMatchObject({ status: 'OPEN', invited: 60, released: null });
    expect(waves[4].answers).toBe(waves[4].responded);
    expect(waves[4].answers).toBeGreaterThan(3);
    const commented = await count(`SELECT count(*)::int AS count FROM employee_release_comments WHERE organization_id = $1 AND key = 'all'`, [demo.id]);
    expect(commented).toBeGreaterThan(30);
  });
});

describe('nothing leaks', () => {
  it('no response of this file carries an employee id, a participation, a token hash, an email outside the roster, or a time an employee answered', async () => {
    expect(seen.length).toBeGreaterThan(50);
    const employees: { id: string; email: string }[] = await sql(`SELECT id, email FROM employees`);
    const participations: { id: string; token_hash: string }[] = await sql(`SELECT id, token_hash FROM employee_participations`);
    expect(employees.length).toBeGreaterThan(60);
    for (const { query, body } of seen) {
      const lower = body.toLowerCase();
      for (const e of employees) expect(lower.includes(e.id), query).toBe(false);
      for (const p of participations) {
        expect(lower.includes(p.id), query).toBe(false);
        expect(lower.includes(p.token_hash), query).toBe(false);
      }
      // The roster's purpose is its emails; nothing else shows one.
      if (!/\bemployees\s*\(/.test(query)) {
        for (const e of employees) expect(lower.includes(e.email), query).toBe(false);
      }
      for (const iso of body.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g) ?? []) {
        const at = Date.parse(iso);
        for (const [from, to] of answerWindows) expect(at >= from && at <= to, `${iso} in ${query}`).toBe(false);
      }
    }
  });
});
