import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { ALL, INVITE, SUBMIT, SURVEY, answer, importContacts, mailsTo, openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 21, privacy: erasing an employee (roster data and mails gone; participation counts, answers
 * and releases exact), subject access for a contact and an employee, and the retention of
 * identified comments, run by the scheduler by the app's clock. Every action is in the audit log.
 */
let app: TestApp;
let offset = 0;
/** A webhook receiver that answers 200 (loopback is allowed in test mode). */
let receiver: Server | undefined;
let acme: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'hr' | 'admin' | 'cx' | 'manager', string> = {} as never;
const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);

const IMPORT = `mutation($csv: String!) { importEmployees(csv: $csv) { created errors { line field message } } }`;
const ERASE_EMPLOYEE = `mutation($id: ID!) { deleteEmployee(id: $id) }`;
const EMPLOYEE_DATA = `query($id: ID!) { employeeSubjectAccess(id: $id) }`;
const CONTACT_DATA = `query($id: ID!) { contactSubjectAccess(id: $id) }`;
const DELETED = `query($since: DateTime!) { deletedSince(since: $since) { kind id deletedAt } }`;
const RETENTION = `mutation($m: Int) { setCommentRetention(commentRetentionMonths: $m) { commentRetentionMonths } }`;
const AUDIT = `query($action: String) { auditLog(filter: { action: $action }) { entries { action actorName outcome objectIds kind } } }`;
const SCORES = Array.from({ length: 11 }, (_, s) => `sum(s${s})::int AS s${s}`).join(', ');

/** The organization's rollup as stored, and the same recounted from the answers (nps_rollup_rebuild). */
async function rollupEqualsRecount(organizationId: string): Promise<void> {
  const snapshot = () =>
    sql(
      `SELECT audience, wave_id, grain, period, dim, dim_value, ${SCORES} FROM nps_rollup WHERE organization_id = $1 GROUP BY 1, 2, 3, 4, 5, 6
        HAVING ${Array.from({ length: 11 }, (_, s) => `sum(s${s}) <> 0`).join(' OR ')} ORDER BY 1, 2, 3, 4, 5, 6`,
      [organizationId],
    );
  const kept = await snapshot();
  await sql(`SELECT nps_rollup_rebuild($1)`, [organizationId]);
  expect(await snapshot()).toEqual(kept);
}

beforeAll(async () => {
  app = await startTestApp({ env: { SCHEDULE_TICK_SECONDS: '1' } });
  app.services.now = () => new Date(Date.now() + offset);
  acme = await createOrganization(app.db.dataSource.manager, 'privacy', ['ADMIN', 'HR', 'CX', 'MANAGER']);
  tokens.hr = await app.login(acme.users.HR, acme.password);
  tokens.admin = await app.login(acme.users.ADMIN, acme.password);
  tokens.cx = await app.login(acme.users.CX, acme.password);
  tokens.manager = await app.login(acme.users.MANAGER, acme.password);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(null)));
});

describe('erasing an employee', () => {
  it('deletes their roster data and mails, keeps every count, answer and release exact, and refuses others', async () => {
    const people = ['ann', 'bob', 'cid', 'dee', 'eve', 'fay'];
    const csv = ['email,name,language,org_unit,location', ...people.map((p) => `${p}@privacy.test,${p.toUpperCase()} Person,en,${acme.unit.name},Oslo`)].join('\n');
    expect((await app.gql(IMPORT, { csv }, tokens.hr)).data.importEmployees.errors).toEqual([]);
    const ids = Object.fromEntries((await sql(`SELECT id, email FROM employees WHERE organization_id = $1`, [acme.org.id])).map((r) => [r.email, r.id]));
    const waveId = await openWave(app, tokens.hr, { name: 'Privacy pulse', audience: 'EMPLOYEE' });
    expect((await app.gql(INVITE, { waveId, target: ALL }, tokens.hr)).errors).toBeUndefined();
    const links = Object.fromEntries(people.map((p) => [p, mailsTo(app, `${p}@privacy.test`)[0].token]));
    for (const p of people.slice(0, 5)) expect((await app.gql(SUBMIT, { token: links[p], input: { score: p === 'ann' ? 2 : 9, reason: `words of ${p}` } })).errors).toBeUndefined();

    // Subject access first: roster data and mails, never whether or what they answered.
    const data = JSON.parse((await app.gql(EMPLOYEE_DATA, { id: ids['ann@privacy.test'] }, tokens.hr)).data.employeeSubjectAccess);
    expect(data.employee).toMatchObject({ email: 'ann@privacy.test', name: 'ANN Person', location: 'Oslo' });
    expect(data.mails).toEqual([expect.objectContaining({ waveId, wave: 'Privacy pulse' })]);
    expect(JSON.stringify(data)).not.toMatch(/responded|words of|score|token/);

    const counts = () =>
      sql(`SELECT count(*)::int AS invited, count(*) FILTER (WHERE responded)::int AS responded FROM employee_participations WHERE wave_id = $1`, [waveId]);
    const answers = () => sql(`SELECT (SELECT count(*)::int FROM employee_answers WHERE wave_id = $1) + (SELECT count(*)::int FROM employee_answer_staging WHERE wave_id = $1) AS n`, [waveId]);
    const before = { counts: await counts(), answers: await answers() };
    const since = new Date(Date.now() - 1000).toISOString();

    for (const p of ['ann', 'fay']) {
      const res = await app.gql(ERASE_EMPLOYEE, { id: ids[`${p}@privacy.test`] }, tokens.hr);
      expect(res.errors).toBeUndefined();
    }
    expect(await sql(`SELECT 1 FROM employees WHERE id = ANY($1::uuid[])`, [[ids['ann@privacy.test'], ids['fay@privacy.test']]])).toEqual([]);
    expect(mailsTo(app, 'ann@privacy.test')).toEqual([]);
    expect(mailsTo(app, 'fay@privacy.test')).toEqual([]);
    expect(mailsTo(app, 'bob@privacy.test')).toHaveLength(1);
    expect({ counts: await counts(), answers: await answers() }).toEqual(before);
    // Fay's unused link no longer opens the survey.
    expect((await app.gql(SURVEY, { token: links.fay })).data?.surveyByToken ?? null).toBeNull();
    expect(JSON.stringify(await sql(`SELECT * FROM employee_participations WHERE wave_id = $1`, [waveId]))).not.toMatch(/ann@|fay@/);
    expect(codeOf(await app.gql(EMPLOYEE_DATA, { id: ids['ann@privacy.test'] }, tokens.hr))).toBe('NOT_FOUND');

    // deletedSince tells the roster's readers (HR, ADMIN) which roster records went: the id and when, nothing else.
    const erasedIds = [ids['ann@privacy.test'], ids['fay@privacy.test']].sort();
    for (const token of [tokens.hr, tokens.admin]) {
      const deleted = (await app.gql(DELETED, { since }, token)).data.deletedSince.filter((d: any) => d.kind === 'EMPLOYEE');
      expect(deleted.map((d: any) => d.id).sort()).toEqual(erasedIds);
    }
    // Contact-side readers never see roster ids.
    for (const token of [tokens.cx, tokens.manager]) {
      expect((await app.gql(DELETED, { since }, token)).data.deletedSince.filter((d: any) => d.kind === 'EMPLOYEE')).toEqual([]);
    }
    // Nothing in the record links to an answer: its columns are the kind, id and moment, and the id is
    // nowhere in the wave's participations or answers.
    expect(Object.keys((await sql(`SELECT * FROM deleted_records WHERE record_id = $1`, [ids['ann@privacy.test']]))[0]).sort()).toEqual([
      'deleted_at',
      'kind',
      'organization_id',
      'record_id',
    ]);
    for (const table of ['employee_participations', 'employee_answers', 'employee_answer_staging']) {
      expect(JSON.stringify(await sql(`SELECT * FROM ${table} WHERE wave_id = $1`, [waveId]))).not.toMatch(new RegExp(erasedIds.join('|')));
    }

    // The release made when the wave closes counts every answer, Ann's included.
    expect((await app.gql(`mutation($id: ID!) { closeWave(id: $id) { status } }`, { id: waveId }, tokens.hr)).errors).toBeUndefined();
    const release = (await app.gql(`query($w: ID!) { employeeRelease(waveId: $w) { groups { key invited summary { responses detractors } } } }`, { w: waveId }, tokens.hr)).data
      .employeeRelease;
    const whole = release.groups.find((g: any) => g.key === 'all') ?? release.groups[0];
    expect(whole).toMatchObject({ invited: 6, summary: { responses: 5, detractors: 1 } });
    await rollupEqualsRecount(acme.org.id);

    // Unknown, malformed, other organization's: NOT_FOUND naming id; not HR or ADMIN: FORBIDDEN.
    const [demoEmployee] = await sql(`SELECT e.id FROM employees e JOIN organizations o ON o.id = e.organization_id WHERE o.slug = 'demo' LIMIT 1`);
    for (const id of [ids['ann@privacy.test'], 'not-an-id', demoEmployee.id]) {
      const res = await app.gql(ERASE_EMPLOYEE, { id }, tokens.hr);
      expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'id']);
      expect(codeOf(await app.gql(EMPLOYEE_DATA, { id }, tokens.hr))).toBe('NOT_FOUND');
    }
    expect(await sql(`SELECT 1 FROM employees WHERE id = $1`, [demoEmployee.id])).toHaveLength(1);
    expect(codeOf(await app.gql(ERASE_EMPLOYEE, { id: ids['bob@privacy.test'] }, tokens.cx))).toBe('FORBIDDEN');

    const audited = (await app.gql(AUDIT, { action: 'Employee' }, tokens.admin)).data.auditLog.entries;
    expect(audited.filter((e: any) => e.action === 'deleteEmployee' && e.outcome === 'OK').map((e: any) => e.objectIds[0]).sort()).toEqual(
      [ids['ann@privacy.test'], ids['fay@privacy.test']].sort(),
    );
    expect(audited.some((e: any) => e.action === 'employeeSubjectAccess' && e.kind === 'EXPORT')).toBe(true);
  });
});

describe("a contact's data", () => {
  it('is exported whole on request, to whoever may see the contact, and erasure keeps the rollup exact', async () => {
    const ids = await importContacts(app, tokens.cx, [['jan@privacy.test', 'Jan Data', 'en', acme.users.MANAGER, '', 'EU', 'Staffing']]);
    const waveId = await openWave(app, tokens.cx, { name: 'Privacy NPS' });
    const responseId = await answer(app, tokens.cx, waveId, ids['jan@privacy.test'], 'jan@privacy.test', 3, 'Slow answers from support');
    const data = JSON.parse((await app.gql(CONTACT_DATA, { id: ids['jan@privacy.test'] }, tokens.manager)).data.contactSubjectAccess);
    expect(data.contact).toMatchObject({ email: 'jan@privacy.test', name: 'Jan Data' });
    expect(data.answers).toEqual([expect.objectContaining({ id: responseId, score: 3, reason: 'Slow answers from support', wave: 'Privacy NPS' })]);
    expect(data.followUps).toHaveLength(1);
    expect(data.mails).toEqual([expect.objectContaining({ wave_id: waveId })]);
    expect(JSON.stringify(data)).not.toMatch(/token_hash|organization_id/);

    const other = await createOrganization(app.db.dataSource.manager, 'privacy-other', ['CX']);
    const otherCx = await app.login(other.users.CX, other.password);
    for (const [id, token] of [[ids['jan@privacy.test'], otherCx], ['00000000-0000-4000-8000-000000000000', tokens.cx], ['nope', tokens.cx]]) {
      const res = await app.gql(CONTACT_DATA, { id }, token);
      expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'id']);
    }

    expect((await app.gql(`mutation($id: ID!) { deleteContact(id: $id) }`, { id: ids['jan@privacy.test'] }, tokens.cx)).errors).toBeUndefined();
    await rollupEqualsRecount(acme.org.id);
    const audited = (await app.gql(AUDIT, { action: 'contact' }, tokens.admin)).data.auditLog.entries.map((e: any) => e.action);
    expect(audited).toEqual(expect.arrayContaining(['deleteContact', 'contactSubjectAccess']));
  });
});

describe('retention of identified comments', () => {
  it('refuses months outside 1 to 120, naming the field, and is for admins', async () => {
    for (const m of [0, 121, -5]) {
      const res = await app.gql(RETENTION, { m }, tokens.admin);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'commentRetentionMonths']);
    }
    expect(codeOf(await app.gql(RETENTION, { m: 12 }, tokens.hr))).toBe('FORBIDDEN');
    expect((await app.gql(`query { privacySettings { commentRetentionMonths } }`, {}, tokens.admin)).data.privacySettings.commentRetentionMonths).toBeNull();
  });

  it('removes the words of answers past N months by the app clock, keeping scores, accepted themes and the rollup', async () => {
    const ids = await importContacts(app, tokens.cx, [
      ['old@privacy.test', 'Old Words', 'en', '', '', 'EU', 'Staffing'],
      ['new@privacy.test', 'New Words', 'en', '', '', 'EU', 'Staffing'],
    ]);
    receiver = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const hook = await app.gql(`mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`, {
      input: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['RESPONSE_CREATED'] },
    }, tokens.admin);
    const endpointId = hook.data.createWebhookEndpoint.endpoint.id;
    /** The data of the response.created delivery of an answer, once written. */
    const deliveryOf = async (responseId: string) => {
      const rows = await until(async () => {
        const found = await sql(`SELECT body FROM webhook_deliveries WHERE endpoint_id = $1 AND body LIKE '%' || $2 || '%'`, [endpointId, responseId]);
        return found.length ? found : null;
      }, 'the delivery');
      return JSON.parse(rows[0].body).data;
    };
    const waveId = await openWave(app, tokens.cx, { name: 'Retention wave' });
    const oldId = await answer(app, tokens.cx, waveId, ids['old@privacy.test'], 'old@privacy.test', 4, 'Old complaint about prices');
    expect(await deliveryOf(oldId)).toMatchObject({ comment: 'Old complaint about prices' });
    const [theme] = await sql(`INSERT INTO themes (organization_id, name) VALUES ($1, 'Prices') RETURNING id`, [acme.org.id]);
    const [suggested] = await sql(`INSERT INTO themes (organization_id, name) VALUES ($1, 'Service') RETURNING id`, [acme.org.id]);
    await sql(`INSERT INTO response_themes (response_id, theme_id, organization_id, status) VALUES ($1, $2, $4, 'ACCEPTED'), ($1, $3, $4, 'SUGGESTED')`, [
      oldId,
      theme.id,
      suggested.id,
      acme.org.id,
    ]);
    // Thirteen months later, a new answer; retention of 12 months.
    offset = 400 * 24 * 3600_000;
    tokens.cx = await app.login(acme.users.CX, acme.password);
    tokens.admin = await app.login(acme.users.ADMIN, acme.password);
    const newId = await answer(app, tokens.cx, waveId, ids['new@privacy.test'], 'new@privacy.test', 9, 'New praise');
    expect(await deliveryOf(newId)).toMatchObject({ comment: 'New praise' });
    expect((await app.gql(RETENTION, { m: 12 }, tokens.admin)).data.setCommentRetention).toEqual({ commentRetentionMonths: 12 });

    await until(async () => (await sql(`SELECT reason FROM responses WHERE id = $1`, [oldId]))[0].reason === null, 'the retention run', 30_000);
    const [old] = await sql(`SELECT score, category, reason, suggestion FROM responses WHERE id = $1`, [oldId]);
    expect(old).toEqual({ score: 4, category: 'DETRACTOR', reason: null, suggestion: null });
    expect(await sql(`SELECT theme_id, status FROM response_themes WHERE response_id = $1`, [oldId])).toEqual([{ theme_id: theme.id, status: 'ACCEPTED' }]);
    expect((await sql(`SELECT reason FROM responses WHERE id = $1`, [newId]))[0].reason).toBe('New praise');
    // The webhook delivery of the old answer, kept for the history and replays, loses the words too; the new one keeps them.
    await until(async () => (await deliveryOf(oldId)).comment === null, 'the deliveries past the retention', 30_000);
    expect(await deliveryOf(oldId)).toMatchObject({ responseId: oldId, score: 4, category: 'DETRACTOR', comment: null, suggestion: null });
    expect(await deliveryOf(newId)).toMatchObject({ responseId: newId, comment: 'New praise' });
    expect(JSON.stringify(await sql(`SELECT * FROM webhook_deliveries WHERE organization_id = $1`, [acme.org.id]))).not.toMatch(/Old complaint/);
    await rollupEqualsRecount(acme.org.id);
    const audited = (await app.gql(AUDIT, { action: 'Retention' }, tokens.admin)).data.auditLog.entries;
    expect(audited.map((e: any) => [e.action, e.actorName])).toEqual(expect.arrayContaining([['applyCommentRetention', 'Tandem'], ['setCommentRetention', 'ADMIN of privacy']]));
    offset = 0;
  }, 60_000);
});
