import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT, DEMO_PASSWORD } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 21: the audit log. Every change by a user or API client (who, what, which objects, when,
 * from where, request id, outcome), every export and every read of employee results; append-only;
 * searchable and exported as CSV by admins only, per organization; never an argument's content.
 */
let app: TestApp;
let admin: string;

const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
  entries { id at actorKind actorId actorName kind action objectType objectIds args outcome ip userAgent requestId } endCursor } }`;
const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);

async function entries(filter: Record<string, unknown> = {}, token = admin, first = 50): Promise<any[]> {
  const res = await app.gql(LOG, { filter, first }, token);
  expect(res.errors).toBeUndefined();
  return res.data.auditLog.entries;
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login('admin@demo.test');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the audit log', () => {
  it("records an admin's changes with who, what, which object, from where and the request id, and never a value that is not an id or an enum", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'user-agent': 'audit-test/1.0', 'x-request-id': 'audit-req-1' },
      body: JSON.stringify({
        query: `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`,
        variables: { input: { email: 'secret.person@audit.example', name: 'Secret Person', roles: ['CX'] } },
      }),
    });
    const invited = ((await res.json()) as any).data.inviteUser.id as string;
    await app.gql(`mutation($id: ID!) { updateUser(id: $id, input: { roles: [HR], name: "Renamed Secretly" }) { id } }`, { id: invited }, admin);
    const client = (await app.gql(`mutation { createApiClient(input: { name: "Audit CRM", scopes: ["responses:read"] }) { client { id } clientSecret } }`, {}, admin)).data;
    expect(client).toBeTruthy();

    const [update, create] = await entries({ action: 'updateUser' }).then(async (u) => [u[0], (await entries({ action: 'inviteUser' }))[0]]);
    expect(create).toMatchObject({
      actorKind: 'USER',
      actorName: 'Ada Admin',
      kind: 'CHANGE',
      action: 'inviteUser',
      objectType: 'ManagedUser',
      objectIds: [invited],
      outcome: 'OK',
      userAgent: 'audit-test/1.0',
      requestId: 'audit-req-1',
    });
    expect(create.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.parse(create.args)).toEqual({ input: { email: '[redacted]', name: '[redacted]', roles: ['CX'] } });
    expect(update).toMatchObject({ action: 'updateUser', objectIds: [invited], outcome: 'OK' });
    expect(JSON.parse(update.args)).toEqual({ id: invited, input: { roles: ['HR'], name: '[redacted]' } });
    expect((await entries({ action: 'createApiClient' }))[0]).toMatchObject({ objectType: 'ApiClientSecret', outcome: 'OK' });
    // Nothing of the values is stored anywhere in the row.
    expect(JSON.stringify(await sql(`SELECT * FROM audit_log`))).not.toMatch(/secret\.person|Secret Person|Renamed Secretly|Audit CRM/);
  });

  it('records refused changes with their error code, logins without their password, and API clients by name', async () => {
    await app.gql(`mutation { updateOrganizationSettings(input: { anonymityThreshold: 1 }) { id } }`, {}, admin);
    expect((await entries({ action: 'updateOrganizationSettings' }))[0]).toMatchObject({ outcome: 'BAD_USER_INPUT' });
    await app.login('admin@demo.test');
    const [login] = await entries({ action: 'login' });
    expect(JSON.parse(login.args)).toEqual({ email: '[redacted]', password: '[redacted]' });
    expect(JSON.stringify(await sql(`SELECT args FROM audit_log`))).not.toContain(DEMO_PASSWORD);

    const api = (await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, { id: DEMO_API_CLIENT.clientId, s: DEMO_API_CLIENT.clientSecret })).data
      .issueApiToken.accessToken;
    await app.gql(`mutation { upsertContacts(input: [{ email: "audited@audit.example", name: "Audited" }]) { created } }`, {}, api);
    const [upsert] = await entries({ action: 'upsertContacts' });
    expect(upsert).toMatchObject({ actorKind: 'API_CLIENT', outcome: 'OK' });
    expect(upsert.actorName).not.toBe('');
    expect((await entries({ actor: upsert.actorId })).every((e: any) => e.actorId === upsert.actorId)).toBe(true);
  });

  it('records every read of employee results and every export download', async () => {
    const [wave] = await sql(`SELECT w.id FROM waves w JOIN organizations o ON o.id = w.organization_id WHERE o.slug = 'demo' AND w.audience = 'EMPLOYEE' AND w.status = 'CLOSED' LIMIT 1`);
    expect(wave).toBeTruthy();
    const hr = await app.login('hr@demo.test');
    const read = await app.gql(`query($waveId: ID!) { employeeRelease(waveId: $waveId) { waveId } }`, { waveId: wave.id }, hr);
    expect(read.errors).toBeUndefined();
    const [entry] = await entries({ kind: 'READ' });
    expect(entry).toMatchObject({ actorName: 'Hanna Hansen', action: 'employeeRelease', objectType: 'EmployeeResults', objectIds: [wave.id], outcome: 'OK' });
    // A read of customer results only is not an employee read.
    const before = (await entries({ kind: 'READ' })).length;
    await app.gql(`query { contacts(first: 1) { totalCount } }`, {}, admin);
    expect((await entries({ kind: 'READ' })).length).toBe(before);

    const started = await app.gql(`mutation { exportResponses(format: "CSV") { id } }`, {}, admin);
    const id = started.data.exportResponses.id;
    const job = await until(async () => {
      const j = (await app.gql(`query($id: ID!) { exportJob(id: $id) { status url } }`, { id }, admin)).data.exportJob;
      return j.status === 'DONE' ? j : null;
    }, 'the export');
    expect((await fetch(job.url.replace(app.config.publicUrl, app.url), { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
    const exports = await entries({ kind: 'EXPORT' });
    expect(exports.find((e: any) => e.action === 'exportResponses')).toMatchObject({ objectType: 'ExportJob', objectIds: [id], outcome: 'OK' });
    expect(exports.find((e: any) => e.action === 'downloadExport')).toMatchObject({ objectType: 'Export', objectIds: [id], outcome: 'OK' });
  });

  it("records every read of an employee wave's team packs: the list, a pack and its PDF", async () => {
    const [wave] = await sql(
      `SELECT w.id FROM waves w JOIN organizations o ON o.id = w.organization_id WHERE o.slug = 'demo' AND w.audience = 'EMPLOYEE' AND w.status = 'CLOSED' ORDER BY w.closed_at DESC LIMIT 1`,
    );
    const [unit] = await sql(`SELECT u.id FROM org_units u JOIN organizations o ON o.id = u.organization_id WHERE o.slug = 'demo' AND u.name = 'Sales US'`);
    const hr = await app.login('hr@demo.test');
    const reads = async () => (await entries({ kind: 'READ' }, admin, 200)).filter((e: any) => e.actorName === 'Hanna Hansen');
    const before = new Set((await reads()).map((e: any) => e.id));

    const list = await app.gql(`query($w: ID!) { teamPacks(waveId: $w) { orgUnitId folded } }`, { w: wave.id }, hr);
    expect(list.errors).toBeUndefined();
    const pack = await app.gql(`query($w: ID!, $u: ID!) { teamPack(waveId: $w, orgUnitId: $u) { folded summary { responses } } }`, { w: wave.id, u: unit.id }, hr);
    expect(pack.errors).toBeUndefined();
    const pdf = await fetch(`${app.url}/team-packs/${wave.id}/${unit.id}.pdf`, { headers: { authorization: `Bearer ${hr}` } });
    expect(pdf.status).toBe(200);

    const logged = (await reads()).filter((e: any) => !before.has(e.id));
    expect(logged.map((e: any) => e.action).sort()).toEqual(['teamPack', 'teamPackPdf', 'teamPacks']);
    // The waves read: this one, and for a pack the earlier releases of its trend.
    for (const entry of logged) expect(entry).toMatchObject({ objectType: 'EmployeeResults', objectIds: expect.arrayContaining([wave.id]), outcome: 'OK', requestId: expect.any(String) });
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(sql(`UPDATE audit_log SET actor_name = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    expect((await sql(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBeGreaterThan(0);
  });

  it('pages, filters by time, exports CSV, and is for admins of the organization only', async () => {
    const page = (await app.gql(LOG, { first: 2 }, admin)).data.auditLog;
    expect(page.entries).toHaveLength(2);
    const next = (await app.gql(LOG, { first: 2, after: page.endCursor }, admin)).data.auditLog;
    expect(Number(next.entries[0].id)).toBeLessThan(Number(page.entries[1].id));
    expect(await entries({ from: new Date(Date.now() + 3600_000).toISOString() })).toEqual([]);
    expect(fieldOf(await app.gql(LOG, { first: 500 }, admin))).toBe('first');
    expect(fieldOf(await app.gql(LOG, { after: 'nonsense' }, admin))).toBe('after');
    expect(fieldOf(await app.gql(LOG, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, admin))).toBe('filter.to');

    const csv = (await app.gql(`query { auditLogCsv(filter: { action: "inviteUser" }) }`, {}, admin)).data.auditLogCsv as string;
    expect(csv.split('\n')[0]).toBe('at,actor_kind,actor_id,actor_name,kind,action,object_type,object_ids,args,outcome,ip,user_agent,request_id');
    expect(csv).toContain('inviteUser');

    const cx = await app.login('cx@demo.test');
    expect(codeOf(await app.gql(LOG, {}, cx))).toBe('FORBIDDEN');
    const other = await createOrganization(app.db.dataSource.manager, 'audit-other', ['ADMIN']);
    const otherAdmin = await app.login(other.users.ADMIN, other.password);
    const theirs = await entries({}, otherAdmin);
    expect(theirs.map((e: any) => e.action)).toEqual(['login']);
  });
});
