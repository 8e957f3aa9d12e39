import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { answer, importContacts, mailsTo, openWave } from './support/surveys.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18: deleteContact erases a contact on request. The contact, its invitations and its mails
 * go; its answers keep their scores (every aggregate stays exact) and lose their words and link;
 * its follow-ups lose their notes, notifications the name and comment; deletedSince lists the id.
 */
let app: TestApp;
let cx: string;
let api: string;

const DELETE = `mutation($id: ID!) { deleteContact(id: $id) }`;
const DELETED = `query($since: DateTime!) { deletedSince(since: $since) { kind id deletedAt } }`;
const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { responses promoters passives detractors nps } }`;
const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);

beforeAll(async () => {
  app = await startTestApp();
  cx = await app.login('cx@demo.test');
  api = (
    await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
      id: DEMO_API_CLIENT.clientId,
      s: DEMO_API_CLIENT.clientSecret,
    })
  ).data.issueApiToken.accessToken;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('deleteContact', () => {
  it("erases the person and keeps every number", async () => {
    const ids = await importContacts(app, cx, [
      ['jan@erase.example', 'Jan Kowalski', 'pl', 'manager@demo.test', '', 'EU', 'Staffing'],
      ['eva@erase.example', 'Eva Stay', 'en', 'manager@demo.test', '', 'EU', 'Staffing'],
    ]);
    const waveId = await openWave(app, cx, { name: 'Erasure wave' });
    const janResponse = await answer(app, cx, waveId, ids['jan@erase.example'], 'jan@erase.example', 2, 'Call me on 555 1234, Jan Kowalski, nobody did');
    await answer(app, cx, waveId, ids['eva@erase.example'], 'eva@erase.example', 10, 'Great');
    const [followUp] = await sql(`SELECT id FROM follow_ups WHERE response_id = $1`, [janResponse]);
    await app.gql(`mutation($id: ID!) { updateFollowUp(id: $id, input: { note: "Jan's mobile is 555 1234" }) { id } }`, { id: followUp.id }, cx);
    // The owner's bell names him, with his words.
    await until(async () => (await sql(`SELECT 1 FROM notifications WHERE data->>'followUpId' = $1 AND data ? 'contactName'`, [followUp.id])).length > 0, 'the owner alert');
    const [invitation] = await sql(`SELECT id FROM invitations WHERE contact_id = $1`, [ids['jan@erase.example']]);
    expect(mailsTo(app, 'jan@erase.example')).toHaveLength(1);
    const before = (await app.gql(SUMMARY, { filter: { waveIds: [waveId] } }, cx)).data.npsSummary;
    const since = new Date(Date.now() - 1000).toISOString();
    // Each contact's latest answer per quarter and year (latest_answers, for revenue at risk) holds Jan's.
    expect(await sql(`SELECT grain FROM latest_answers WHERE contact_id = $1 ORDER BY grain`, [ids['jan@erase.example']])).toEqual([{ grain: 'Q' }, { grain: 'Y' }]);

    const res = await app.gql(DELETE, { id: ids['jan@erase.example'] }, cx);
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteContact).toBe(true);

    expect(codeOf(await app.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id: ids['jan@erase.example'] }, cx))).toBe('NOT_FOUND');
    expect(await sql(`SELECT id FROM invitations WHERE id = $1`, [invitation.id])).toEqual([]);
    expect(mailsTo(app, 'jan@erase.example')).toHaveLength(0);
    const [kept] = await sql(`SELECT score, category, reason, suggestion, contact_id FROM responses WHERE id = $1`, [janResponse]);
    expect(kept).toEqual({ score: 2, category: 'DETRACTOR', reason: null, suggestion: null, contact_id: null });
    expect(await sql(`SELECT id FROM follow_up_notes WHERE follow_up_id = $1`, [followUp.id])).toEqual([]);
    const [notification] = await sql(`SELECT data FROM notifications WHERE data->>'followUpId' = $1`, [followUp.id]);
    expect(JSON.stringify(notification.data)).not.toMatch(/Jan|555/);
    expect(JSON.stringify(await sql(`SELECT * FROM responses WHERE id = $1`, [janResponse]))).not.toMatch(/Jan|555|erase\.example/);
    // ...and no longer: his answer counts for nobody there, as the straightforward statement had it (Eva's stays).
    expect(await sql(`SELECT 1 FROM latest_answers WHERE contact_id = $1 OR response_id = $2`, [ids['jan@erase.example'], janResponse])).toEqual([]);
    expect(await sql(`SELECT grain FROM latest_answers WHERE contact_id = $1 ORDER BY grain`, [ids['eva@erase.example']])).toEqual([{ grain: 'Q' }, { grain: 'Y' }]);
    // Every number stays as it was; Eva is untouched.
    expect((await app.gql(SUMMARY, { filter: { waveIds: [waveId] } }, cx)).data.npsSummary).toEqual(before);
    expect(mailsTo(app, 'eva@erase.example')).toHaveLength(1);

    const deleted = (await app.gql(DELETED, { since }, api)).data.deletedSince;
    expect(deleted).toEqual([expect.objectContaining({ kind: 'CONTACT', id: ids['jan@erase.example'] })]);
    expect((await app.gql(DELETED, { since: new Date(Date.now() + 60_000).toISOString() }, api)).data.deletedSince).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown id, another organization's contact and, for a manager, another owner's; changing nothing", async () => {
    const ids = await importContacts(app, cx, [['kept@erase.example', 'Kept', 'en', '', '', 'EU', 'Staffing']]);
    const other = await createOrganization(app.db.dataSource.manager, 'erase-other', ['CX']);
    const otherCx = await app.login(other.users.CX, other.password);
    const marta = await app.login('manager@demo.test');
    expect(codeOf(await app.gql(DELETE, { id: ids['kept@erase.example'] }, otherCx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(DELETE, { id: ids['kept@erase.example'] }, marta))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(DELETE, { id: '00000000-0000-4000-8000-000000000000' }, cx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(DELETE, { id: 'nope' }, cx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(DELETE, { id: ids['kept@erase.example'] }, await app.login('hr@demo.test')))).toBe('FORBIDDEN');
    expect(await sql(`SELECT id FROM contacts WHERE id = $1`, [ids['kept@erase.example']])).toHaveLength(1);
    expect((await app.gql(DELETED, { since: '2000-01-01T00:00:00Z' }, otherCx)).data.deletedSince).toEqual([]);
  });
});
