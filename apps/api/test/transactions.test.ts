import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueTransactions } from '../src/survey/transactions/send-job.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { SUBMIT, importContacts, mailsTo } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 19, transactional surveys: a programme stays open; each transaction an integrator triggers
 * (API, surveys:send) is sent once after the programme's delay, or skipped with its reason; the
 * answer carries the transaction's attributes. Bad input changes nothing and names the field.
 */
let app: TestApp;
let cx: string;
let organizationId: string;
let sender: string;

const CREATE = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id kind status audience touchpoint sendDelayMinutes } }`;
const TRIGGER = `mutation($input: TriggerSurveyInput!) { triggerSurvey(input: $input) {
  id programmeId transactionId contactId occurredAt product channel location servedBy servedByName status skipReason sendAt } }`;
const TRIGGER_MANY = `mutation($inputs: [TriggerSurveyInput!]!) { triggerSurveys(inputs: $inputs) { transactions { id transactionId status } errors { index field message } } }`;
const LIST = `query($id: ID!) { transactions(programmeId: $id) { totalCount edges { node { transactionId status skipReason } } } }`;

const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);
const count = async (table: string) => (await sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
let seq = 0;
const nextId = (prefix = 'T') => `${prefix}-${++seq}-${Date.now()}`;

async function programme(input: Partial<{ name: string; audience: string; touchpoint: string; sendDelayMinutes: number }> = {}, token = cx): Promise<string> {
  const res = await app.gql(CREATE, { input: { name: 'Placement follow-up', audience: 'CANDIDATE', touchpoint: 'placement', sendDelayMinutes: 0, languages: ['en', 'pl'], ...input } }, token);
  if (!res.data?.createProgramme) throw new Error(JSON.stringify(res.errors));
  return res.data.createProgramme.id;
}

async function apiToken(scopes: string[]): Promise<string> {
  const admin = await app.login('admin@demo.test');
  const created = await app.gql(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { clientId } } }`, { input: { name: `Client ${scopes.join(' ')}`, scopes } }, admin);
  const { clientSecret, client } = created.data.createApiClient;
  const res = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, { id: client.clientId, s: clientSecret });
  return res.data.issueApiToken.accessToken;
}

/** Sends what is due by the app's clock now, as the scheduled job does. */
const sendDue = (programmeId: string) => sendDueTransactions({ db: app.db.dataSource.manager, app: app.services, logger: app.services.logger }, organizationId, programmeId);

beforeAll(async () => {
  app = await startTestApp();
  cx = await app.login('cx@demo.test');
  [{ organizationId }] = await sql(`SELECT organization_id AS "organizationId" FROM users WHERE email = 'cx@demo.test'`);
  sender = await apiToken(['surveys:send']);
}, 120_000);

afterAll(() => app?.close());

describe('the demo', () => {
  it('has a transactional programme with months of answers by product, channel and serving employee', async () => {
    const [row] = await sql(
      `SELECT count(*)::int AS answers, count(DISTINCT r.product)::int AS products, count(DISTINCT r.channel)::int AS channels,
              count(DISTINCT r.served_by)::int AS servers, count(DISTINCT r.served_by) FILTER (WHERE r.served_by LIKE 'user:%')::int AS users,
              (max(r.submitted_at) - min(r.submitted_at)) > interval '120 days' AS months
         FROM responses r JOIN waves w ON w.id = r.wave_id WHERE w.name = 'Placement follow-up' AND w.kind = 'TRANSACTIONAL' AND r.touchpoint = 'placement'`,
    );
    expect(row.answers).toBeGreaterThan(80);
    expect(row).toMatchObject({ products: 4, channels: 3, servers: 5, users: 3, months: true });
  });

  it('has key drivers for the programme, and beside a breakdown filtered to one product or one serving employee', async () => {
    const [{ id }] = await sql(`SELECT w.id FROM waves w WHERE w.name = 'Placement follow-up' AND w.kind = 'TRANSACTIONAL' AND w.organization_id = $1`, [organizationId]);
    const DRIVERS = `query($f: NpsFilter!) { keyDrivers(filter: $f) { criterion rank correlation n lowSample } }`;
    const BREAKDOWN = `query($f: NpsFilter!, $by: BreakdownDimension!) { npsBreakdown(filter: $f, by: $by) { key } }`;
    const drivers = (await app.gql(DRIVERS, { f: { waveIds: [id] } }, cx)).data.keyDrivers;
    expect(drivers.map((d: any) => d.criterion)).toEqual(['communication', 'speed']);
    expect(drivers[0]).toMatchObject({ rank: 1, lowSample: false });
    expect(drivers[0].correlation).toBeGreaterThan(drivers[1].correlation);
    const [product] = (await app.gql(BREAKDOWN, { f: { waveIds: [id] }, by: 'PRODUCT' }, cx)).data.npsBreakdown;
    const [servedBy] = (await app.gql(BREAKDOWN, { f: { waveIds: [id] }, by: 'SERVED_BY' }, cx)).data.npsBreakdown;
    for (const f of [{ waveIds: [id], products: [product.key] }, { waveIds: [id], servedBy: [servedBy.key] }]) {
      expect((await app.gql(DRIVERS, { f }, cx)).data.keyDrivers.map((d: any) => d.criterion), JSON.stringify(f)).toEqual(expect.arrayContaining(['communication', 'speed']));
    }
  });
});

describe('programmes', () => {
  it('creates an open transactional programme; the waves list filters by kind', async () => {
    const res = await app.gql(CREATE, { input: { name: 'Support follow-up', audience: 'CUSTOMER', touchpoint: 'support case', sendDelayMinutes: 60 } }, cx);
    expect(res.data.createProgramme).toMatchObject({ kind: 'TRANSACTIONAL', status: 'OPEN', touchpoint: 'support case', sendDelayMinutes: 60 });
    const listed = await app.gql(`{ waves(filter: { kind: TRANSACTIONAL }, first: 100) { edges { node { id kind } } } }`, {}, cx);
    expect(listed.data.waves.edges.map((e: any) => e.node.id)).toContain(res.data.createProgramme.id);
    expect(listed.data.waves.edges.every((e: any) => e.node.kind === 'TRANSACTIONAL')).toBe(true);
    const waves = await app.gql(`{ waves(filter: { kind: WAVE }, first: 100) { edges { node { id } } } }`, {}, cx);
    expect(waves.data.waves.edges.map((e: any) => e.node.id)).not.toContain(res.data.createProgramme.id);
  });

  it('refuses employees, a bad delay and an empty touchpoint, naming the field', async () => {
    const before = await count('waves');
    const base = { name: 'P', audience: 'CUSTOMER', touchpoint: 'delivery', sendDelayMinutes: 5 };
    for (const [input, field] of [
      [{ ...base, audience: 'EMPLOYEE' }, 'input.audience'],
      [{ ...base, sendDelayMinutes: -1 }, 'input.sendDelayMinutes'],
      [{ ...base, touchpoint: '  ' }, 'input.touchpoint'],
    ] as const) {
      const res = await app.gql(CREATE, { input }, cx);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe(field);
    }
    expect(await count('waves')).toBe(before);
  });

  it('updates touchpoint and delay; a programme takes no invitations by target', async () => {
    const id = await programme({ name: 'Delivery' });
    const res = await app.gql(`mutation($id: ID!) { updateProgramme(id: $id, input: { touchpoint: "delivery", sendDelayMinutes: 15 }) { touchpoint sendDelayMinutes } }`, { id }, cx);
    expect(res.data.updateProgramme).toEqual({ touchpoint: 'delivery', sendDelayMinutes: 15 });
    const invite = await app.gql(`mutation($w: ID!) { inviteToWave(waveId: $w, target: { all: true }) { invited } }`, { w: id }, cx);
    expect(codeOf(invite)).toBe('INVALID_STATE');
  });
});

describe('triggering', () => {
  it('sends after the delay a mail whose link answers, and the answer carries the transaction', async () => {
    const id = await programme({ sendDelayMinutes: 30 });
    const users: { id: string; name: string }[] = await sql(`SELECT id, name FROM users WHERE email = 'manager@demo.test'`);
    const input = {
      programmeId: id, transactionId: nextId(), email: 'Nina.New@Cand.example', name: 'Nina New', language: 'pl',
      occurredAt: hoursAgo(2), product: 'Warehouse staffing', channel: 'On site', location: 'Gdańsk', servedBy: users[0].id,
    };
    const res = await app.gql(TRIGGER, { input }, sender);
    expect(res.errors).toBeUndefined();
    const t = res.data.triggerSurvey;
    expect(t).toMatchObject({ status: 'SCHEDULED', skipReason: null, product: 'Warehouse staffing', servedBy: `user:${users[0].id}`, servedByName: users[0].name });
    // The contact was created in the programme's organization.
    const [contact] = await sql(`SELECT organization_id, name, language FROM contacts WHERE id = $1`, [t.contactId]);
    expect(contact).toEqual({ organization_id: organizationId, name: 'Nina New', language: 'pl' });

    // Not before the delay…
    expect(await sendDue(id)).toBe(0);
    expect(mailsTo(app, 'nina.new@cand.example')).toHaveLength(0);
    // …then once.
    const realNow = app.services.now;
    app.services.now = () => new Date(Date.now() + 31 * 60_000);
    try {
      expect(await sendDue(id)).toBe(1);
      expect(await sendDue(id)).toBe(0);
    } finally {
      app.services.now = realNow;
    }
    const mails = mailsTo(app, 'nina.new@cand.example');
    expect(mails).toHaveLength(1);
    expect(mails[0].token).toHaveLength(43);
    const [row] = await sql(`SELECT status, invitation_id FROM transactions WHERE id = $1`, [t.id]);
    expect(row.status).toBe('SENT');

    const answer = await app.gql(SUBMIT, { token: mails[0].token, input: { score: 9, reason: 'Quick start' } });
    expect(answer.data?.submitResponse?.ok).toBe(true);
    const [response] = await sql(
      `SELECT transaction_id, touchpoint, product, channel, location, served_by, served_by_name FROM responses WHERE invitation_id = $1`,
      [row.invitation_id],
    );
    expect(response).toEqual({
      transaction_id: t.id, touchpoint: 'placement', product: 'Warehouse staffing', channel: 'On site', location: 'Gdańsk',
      served_by: `user:${users[0].id}`, served_by_name: users[0].name,
    });
  });

  it("brings the answer to an integrator's trigger into the feed of the contact's owner and of who served: the feed reads it as soon as it is stored", async () => {
    const id = await programme({ sendDelayMinutes: 0 });
    const email = 'feed.trigger@cand.example';
    await importContacts(app, cx, [[email, 'Fay Trigger', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing']]);
    const [served] = await sql(`SELECT id FROM users WHERE email = 'manager@demo.test'`);
    const input = { programmeId: id, transactionId: nextId(), email, occurredAt: hoursAgo(1), product: 'Warehouse staffing', channel: 'Online', servedBy: served.id };
    expect((await app.gql(TRIGGER, { input }, sender)).data.triggerSurvey.status).toBe('SCHEDULED');
    expect(await sendDue(id)).toBe(1);
    const [mail] = mailsTo(app, email);
    expect((await app.gql(SUBMIT, { token: mail.token, input: { score: 10, reason: 'Fay: quick and kind' } })).data.submitResponse.ok).toBe(true);
    const FEED = `{ feed(first: 5) { edges { node { reason score product channel touchpoint servedByName servedByMe contactName } } } }`;
    for (const [who, servedByMe] of [['manager.us@demo.test', false], ['manager@demo.test', true]] as const) {
      const token = await app.login(who);
      const item = await until(async () => (await app.gql(FEED, {}, token)).data.feed.edges.map((e: any) => e.node).find((n: any) => n.reason === 'Fay: quick and kind'), `the answer in ${who}'s feed`);
      expect(item, who).toMatchObject({ score: 10, product: 'Warehouse staffing', channel: 'Online', touchpoint: 'placement', contactName: 'Fay Trigger', servedByMe });
    }
  });

  it('sends a programme without delay by its scheduled job', async () => {
    const id = await programme();
    const res = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email: 'quick@cand.example', occurredAt: hoursAgo(1), servedByExternalId: 'E-7', servedByName: 'Ola Recruiter' } }, sender);
    expect(res.data.triggerSurvey).toMatchObject({ status: 'SCHEDULED', servedBy: 'ext:E-7', servedByName: 'Ola Recruiter' });
    await until(async () => (await sql(`SELECT status FROM transactions WHERE id = $1`, [res.data.triggerSurvey.id]))[0].status === 'SENT', 'the send job', 20_000);
    expect(mailsTo(app, 'quick@cand.example')).toHaveLength(1);
  });

  it('is idempotent: the same transaction id twice records and mails once, and answers the same', async () => {
    const id = await programme();
    const input = { programmeId: id, transactionId: nextId(), externalId: 'CRM-1', email: 'twice@cand.example', occurredAt: hoursAgo(3), product: 'Temp' };
    const first = await app.gql(TRIGGER, { input }, sender);
    const second = await app.gql(TRIGGER, { input }, sender);
    expect(second.data.triggerSurvey).toEqual(first.data.triggerSurvey);
    await sendDue(id);
    const third = await app.gql(TRIGGER, { input }, sender);
    expect(third.data.triggerSurvey.id).toBe(first.data.triggerSurvey.id);
    await sendDue(id);
    expect(await sql(`SELECT id FROM invitations WHERE wave_id = $1`, [id])).toHaveLength(1);
    expect(mailsTo(app, 'twice@cand.example')).toHaveLength(1);
  });

  it('refuses the same id with other values: CONFLICT naming the field', async () => {
    const id = await programme();
    const input = { programmeId: id, transactionId: nextId(), email: 'conflict@cand.example', occurredAt: hoursAgo(3), product: 'Temp', channel: 'Phone' };
    await app.gql(TRIGGER, { input }, sender);
    for (const [change, field] of [
      [{ product: 'Perm' }, 'input.product'],
      [{ occurredAt: hoursAgo(4) }, 'input.occurredAt'],
      [{ email: 'someone.else@cand.example' }, 'input.email'],
      [{ servedByExternalId: 'E-1', servedByName: 'X' }, 'input.servedByExternalId'],
    ] as const) {
      const res = await app.gql(TRIGGER, { input: { ...input, ...change } }, sender);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(fieldOf(res)).toBe(field);
    }
    expect(await sql(`SELECT id FROM transactions WHERE wave_id = $1`, [id])).toHaveLength(1);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const id = await programme();
    const base = { programmeId: id, transactionId: nextId(), email: 'bad@cand.example', occurredAt: hoursAgo(1) };
    const before = { transactions: await count('transactions'), contacts: await count('contacts') };
    for (const [input, code, field] of [
      [{ ...base, programmeId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.programmeId'],
      [{ ...base, programmeId: 'not-an-id' }, 'NOT_FOUND', 'input.programmeId'],
      [{ ...base, email: 'not-an-email' }, 'BAD_USER_INPUT', 'input.email'],
      [{ ...base, email: null }, 'BAD_USER_INPUT', 'input.email'],
      [{ ...base, occurredAt: new Date(Date.now() + 25 * 3600_000).toISOString() }, 'BAD_USER_INPUT', 'input.occurredAt'],
      [{ ...base, transactionId: ' ' }, 'BAD_USER_INPUT', 'input.transactionId'],
      [{ ...base, servedByExternalId: 'E-1' }, 'BAD_USER_INPUT', 'input.servedByName'],
      [{ ...base, servedBy: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.servedBy'],
      [{ ...base, email: null, externalId: 'NOBODY-KNOWN' }, 'BAD_USER_INPUT', 'input.email'],
    ] as const) {
      const res = await app.gql(TRIGGER, { input }, sender);
      expect([codeOf(res), fieldOf(res)], JSON.stringify(input)).toEqual([code, field]);
    }
    expect({ transactions: await count('transactions'), contacts: await count('contacts') }).toEqual(before);
  });

  it('skips a throttled contact at trigger time, with its reason', async () => {
    const id = await programme();
    const email = 'throttle@cand.example';
    const first = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email, occurredAt: hoursAgo(2) } }, sender);
    const second = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email, occurredAt: hoursAgo(1) } }, sender);
    expect(first.data.triggerSurvey.status).toBe('SCHEDULED');
    expect(second.data.triggerSurvey).toMatchObject({ status: 'SKIPPED', skipReason: 'THROTTLED' });
    await sendDue(id);
    const third = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email, occurredAt: hoursAgo(0) } }, sender);
    expect(third.data.triggerSurvey).toMatchObject({ status: 'SKIPPED', skipReason: 'THROTTLED' });
    expect(mailsTo(app, email)).toHaveLength(1);
    const list = await app.gql(LIST, { id }, cx);
    expect(list.data.transactions.totalCount).toBe(3);
    expect(list.data.transactions.edges.map((e: any) => e.node.skipReason)).toEqual(['THROTTLED', 'THROTTLED', null]);
  });

  it('skips the unsubscribed, at trigger time and at send time', async () => {
    const id = await programme({ sendDelayMinutes: 0 });
    const res = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email: 'leaving@cand.example', occurredAt: hoursAgo(1) } }, sender);
    expect(res.data.triggerSurvey.status).toBe('SCHEDULED');
    // Unsubscribed between trigger and send: recorded at send time.
    await sql(`UPDATE contacts SET unsubscribed_at = now() WHERE id = $1`, [res.data.triggerSurvey.contactId]);
    await sendDue(id);
    const [row] = await sql(`SELECT status, skip_reason FROM transactions WHERE id = $1`, [res.data.triggerSurvey.id]);
    expect(row).toEqual({ status: 'SKIPPED', skip_reason: 'UNSUBSCRIBED' });
    const again = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email: 'leaving@cand.example', occurredAt: hoursAgo(1) } }, sender);
    expect(again.data.triggerSurvey).toMatchObject({ status: 'SKIPPED', skipReason: 'UNSUBSCRIBED' });
    expect(mailsTo(app, 'leaving@cand.example')).toHaveLength(0);
  });

  it('takes a batch all or nothing, naming each bad index and field', async () => {
    const id = await programme();
    const ok = (n: number) => ({ programmeId: id, transactionId: nextId('B'), email: `batch${n}@cand.example`, occurredAt: hoursAgo(1) });
    const before = await count('transactions');
    const bad = await app.gql(TRIGGER_MANY, { inputs: [ok(1), { ...ok(2), email: 'nope' }, ok(3), { ...ok(4), occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }] }, sender);
    expect(bad.data.triggerSurveys).toEqual({
      transactions: [],
      errors: [
        { index: 1, field: 'email', message: expect.any(String) },
        { index: 3, field: 'occurredAt', message: expect.any(String) },
      ],
    });
    expect(await count('transactions')).toBe(before);
    const good = await app.gql(TRIGGER_MANY, { inputs: [ok(5), ok(6)] }, sender);
    expect(good.data.triggerSurveys.errors).toEqual([]);
    expect(good.data.triggerSurveys.transactions.map((t: any) => t.status)).toEqual(['SCHEDULED', 'SCHEDULED']);
  });
});

describe('a CSV of transactions', () => {
  const IMPORT = `mutation($id: ID!, $csv: String!) { importTransactions(programmeId: $id, csv: $csv) { imported created errors { line field message } } }`;
  const header = 'transactionId,occurredAt,email,externalId,name,product,channel,servedByEmail,servedByExternalId,servedByName';

  it('imports nothing when any row is bad, naming every bad line and column', async () => {
    const id = await programme();
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const csv = [
      header,
      `C-1,${hoursAgo(5)},csv1@cand.example,,Csv One,Temp,Phone,manager@demo.test,,`,
      `C-2,yesterday,not-an-email,,,Temp,Phone,,,`,
      `C-3,${soon},,,,,,nobody@demo.test,,`,
      `C-1,${hoursAgo(5)},csv4@cand.example,,,,,,E-9,`,
    ].join('\n');
    const before = { transactions: await count('transactions'), contacts: await count('contacts') };
    const res = await app.gql(IMPORT, { id, csv }, cx);
    expect(res.data.importTransactions.imported).toBe(0);
    const named = res.data.importTransactions.errors.map((e: any) => `${e.line}:${e.field}`);
    expect(named).toEqual(expect.arrayContaining(['3:occurred_at', '3:email', '4:occurred_at', '4:email', '4:served_by_email', '5:served_by_name', '5:transaction_id']));
    expect(named.some((n: string) => n.startsWith('2:'))).toBe(false);
    expect({ transactions: await count('transactions'), contacts: await count('contacts') }).toEqual(before);
  });

  it('records every row of a good file as a trigger, once per id', async () => {
    const id = await programme();
    const csv = [
      header,
      `G-1,${hoursAgo(5)},good1@cand.example,,Good One,Temp,Phone,manager@demo.test,,`,
      `G-2,${hoursAgo(4)},good2@cand.example,CRM-G2,,Perm,Web,,E-3,Ola Recruiter`,
    ].join('\n');
    const res = await app.gql(IMPORT, { id, csv }, cx);
    expect(res.data.importTransactions).toMatchObject({ imported: 2, created: 2, errors: [] });
    const again = await app.gql(IMPORT, { id, csv }, cx);
    expect(again.data.importTransactions).toMatchObject({ imported: 2, created: 0, errors: [] });
    const rows = await sql(`SELECT external_id, product, served_by_name, status FROM transactions WHERE wave_id = $1 ORDER BY external_id`, [id]);
    expect(rows).toEqual([
      { external_id: 'G-1', product: 'Temp', served_by_name: expect.any(String), status: 'SCHEDULED' },
      { external_id: 'G-2', product: 'Perm', served_by_name: 'Ola Recruiter', status: 'SCHEDULED' },
    ]);
    const changed = await app.gql(IMPORT, { id, csv: csv.replace('Perm', 'Temp') }, cx);
    expect(changed.data.importTransactions.errors).toEqual([{ line: 3, field: 'product', message: expect.any(String) }]);
  });
});

describe('access', () => {
  it('lets CX trigger; an API client without surveys:send is FORBIDDEN naming the scope', async () => {
    const id = await programme();
    const byCx = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email: 'bycx@cand.example', occurredAt: hoursAgo(1) } }, cx);
    expect(byCx.data.triggerSurvey.status).toBe('SCHEDULED');
    const reader = await apiToken(['analytics:read']);
    const res = await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email: 'noscope@cand.example', occurredAt: hoursAgo(1) } }, reader);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toContain('surveys:send');
    const leader = await app.login('leader@demo.test');
    expect(codeOf(await app.gql(TRIGGER, { input: { programmeId: id, transactionId: nextId(), email: 'x@cand.example', occurredAt: hoursAgo(1) } }, leader))).toBe('FORBIDDEN');
  });

  it("treats another organization's programme as unknown", async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'other-transactions', ['CX']);
    const otherCx = await app.login(other.users.CX, other.password);
    const theirs = await programme({ name: 'Theirs' }, otherCx);
    const before = await count('transactions');
    const res = await app.gql(TRIGGER, { input: { programmeId: theirs, transactionId: nextId(), email: 'cross@cand.example', occurredAt: hoursAgo(1) } }, sender);
    expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'input.programmeId']);
    expect(codeOf(await app.gql(LIST, { id: theirs }, cx))).toBe('NOT_FOUND');
    expect(await count('transactions')).toBe(before);
  });
});
