import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../src/kernel/mailer.js';
import { outboxMailer } from '../src/kernel/mailer.js';
import { until } from './support/jobs.js';
import { createOrganization } from './support/fixtures.js';
import { SUBMIT, SURVEY, importContacts, mailsTo, openWave, outbox } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17: wave mail as jobs. inviteToWave and remindWave answer at once with a batch id; a job
 * creates and mails the invitations in chunks, paced per organization; mailBatch and Wave.mailing
 * show the progress; a mail server that is down makes the batch retry with backoff (nothing lost),
 * failures after the last retry are listed and retryFailedMail sends them again. Each mail has a
 * fixed name and Message-ID per invitation and kind; every mail to a person carries the same link.
 */
let app: TestApp;
let cx: string;
let marta: string;
const realMailer = () => outboxMailer(app.config.outboxDir, app.config.mailFrom, app.services.logger);

const BATCH = `query($id: ID!) { mailBatch(id: $id) {
  id waveId kind state total queued sent failed bounced retrying finishedAt
  failures(first: 50) { invitationId contactId email name state attempts error } } }`;
const MAILING = `query($id: ID!) { wave(id: $id) { mailing { id kind state total sent queued } } }`;
const INVITE_BATCH = `mutation($waveId: ID!, $contactIds: [ID!], $target: InvitationTargetInput) {
  inviteToWave(waveId: $waveId, contactIds: $contactIds, target: $target) { batchId invited skipped alreadyInvited throttled unsubscribed failed } }`;
const REMIND = `mutation($w: ID!) { remindWave(waveId: $w) { batchId reminded skipped recentlyMailed failed } }`;
const RETRY = `mutation($w: ID!) { retryFailedMail(waveId: $w) { batchId retried } }`;

const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);
const batchOf = async (id: string) => (await app.gql(BATCH, { id }, cx)).data.mailBatch;
const doneBatch = (id: string) => until(async () => ((await batchOf(id)).state === 'DONE' ? batchOf(id) : null), `batch ${id} to finish`, 30_000);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Contacts m<from>..m<to-1>@mail.example, owned by nobody. */
async function contacts(prefix: string, n: number): Promise<Record<string, string>> {
  const rows = Array.from({ length: n }, (_, i) => [`${prefix}${i}@mail.example`, `${prefix} ${i}`, i % 2 ? 'pl' : 'en', '', '', 'EU', 'Staffing']);
  return importContacts(app, cx, rows);
}

/** A mailer that fails the first `failures` sends as a mail server that is down would, then writes to the outbox. */
function flakyMailer(failures: number): Mailer & { calls: number } {
  const outbox = realMailer();
  const mailer = {
    kind: 'smtp' as const,
    calls: 0,
    async send(message: Parameters<Mailer['send']>[0]) {
      mailer.calls++;
      if (failures-- > 0) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNREFUSED' });
      return outbox.send(message);
    },
    forget: (prefixes: string[]) => outbox.forget(prefixes),
  };
  return mailer;
}

beforeAll(async () => {
  app = await startTestApp({ waitForMail: false, env: { MAIL_RETRY_LIMIT: '2', MAIL_RETRY_DELAY_SECONDS: '1' } });
  cx = await app.login('cx@demo.test');
  marta = await app.login('manager@demo.test');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('inviting as a job', () => {
  let ids: Record<string, string>;

  it('answers at once with a batch id, then mails each invitation once under its fixed name', async () => {
    ids = await contacts('inv', 1200);
    const waveId = await openWave(app, cx, { name: 'Batch wave', languages: ['en', 'pl'] });
    const res = await app.gql(INVITE_BATCH, { waveId, contactIds: Object.values(ids) }, cx);
    expect(res.errors).toBeUndefined();
    const answer = res.data.inviteToWave;
    expect(answer).toMatchObject({ invited: 1200, skipped: 0, failed: 0 });
    expect(answer.batchId).toMatch(/^[0-9a-f-]{36}$/);

    const done = await doneBatch(answer.batchId);
    expect(done).toMatchObject({ waveId, kind: 'INVITATION', total: 1200, sent: 1200, queued: 0, failed: 0, retrying: 0, failures: [] });
    expect((await app.gql(MAILING, { id: waveId }, cx)).data.wave.mailing).toMatchObject({ id: answer.batchId, state: 'DONE', total: 1200, sent: 1200 });

    const rows = await sql<{ id: string; contact_id: string; status: string; mail_state: string; token_hash: string }>(
      `SELECT id, contact_id, status, mail_state, token_hash FROM invitations WHERE wave_id = $1`,
      [waveId],
    );
    expect(rows).toHaveLength(1200);
    expect(rows.every((r) => r.status === 'SENT' && r.mail_state === 'SENT')).toBe(true);
    const files = new Set(readdirSync(app.config.outboxDir));
    for (const row of rows) expect(files.has(`${row.id}-invitation.eml`)).toBe(true);

    // The mail's link is the invitation's, and its Message-ID is fixed by invitation and kind.
    const mail = mailsTo(app, 'inv7@mail.example')[0];
    const row = rows.find((r) => r.contact_id === ids['inv7@mail.example'])!;
    expect(sha256(mail.token)).toBe(row.token_hash);
    expect(mail.raw).toMatch(new RegExp(`^Message-ID: <${row.id}-invitation@`, 'mi'));
    expect(mail.body).toContain('Dzień dobry'); // inv7 is Polish: odd numbers
  }, 120_000);

  it('tells how many would be skipped, and queues nothing when nobody is eligible', async () => {
    const waveId = await openWave(app, cx, { name: 'Nobody wave' });
    // Everyone just invited to the first wave is within the throttle window.
    const res = await app.gql(INVITE_BATCH, { waveId, target: { contactIds: Object.values(ids) } }, cx);
    expect(res.data.inviteToWave).toEqual({ batchId: null, invited: 0, skipped: 1200, alreadyInvited: 0, throttled: 1200, unsubscribed: 0, failed: 0 });
    expect((await app.gql(MAILING, { id: waveId }, cx)).data.wave.mailing).toBeNull();
  });

  it("answers NOT_FOUND for another organization's or an unknown batch", async () => {
    expect(codeOf(await app.gql(BATCH, { id: '00000000-0000-4000-8000-000000000000' }, cx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(BATCH, { id: 'nope' }, cx))).toBe('NOT_FOUND');
    // Org B's CX, guessing org A's batch id from inviting: NOT_FOUND, and the wave's mailing is not B's to read.
    const waveId = await openWave(app, cx, { name: 'Tenancy wave' });
    const ids = await contacts('ten', 2);
    const { batchId } = (await app.gql(INVITE_BATCH, { waveId, contactIds: Object.values(ids) }, cx)).data.inviteToWave;
    const other = await createOrganization(app.db.dataSource.manager, 'other-mail', ['CX']);
    const otherCx = await app.login(other.users.CX, other.password);
    expect(codeOf(await app.gql(BATCH, { id: batchId }, otherCx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(RETRY, { w: waveId }, otherCx))).toBe('NOT_FOUND');
    await doneBatch(batchId);
    // At most 200 failures at a time.
    const tooMany = await app.gql(`query($id: ID!) { mailBatch(id: $id) { failures(first: 500) { email } } }`, { id: batchId }, cx);
    expect([codeOf(tooMany), fieldOf(tooMany)]).toEqual(['BAD_USER_INPUT', 'first']);
  });
});

describe('reminders', () => {
  it('repeat the link the person already has, under a name of their own', async () => {
    const ids = await contacts('rem', 3);
    const waveId = await openWave(app, cx, { name: 'Reminder batch wave' });
    const invited = (await app.gql(INVITE_BATCH, { waveId, contactIds: Object.values(ids) }, cx)).data.inviteToWave;
    await doneBatch(invited.batchId);
    const first = mailsTo(app, 'rem0@mail.example')[0];
    await app.gql(SUBMIT, { token: mailsTo(app, 'rem1@mail.example')[0].token, input: { score: 9 } });

    await sql(`UPDATE invitations SET sent_at = now() - interval '3 days' WHERE wave_id = $1`, [waveId]);
    const reminded = (await app.gql(REMIND, { w: waveId }, cx)).data.remindWave;
    expect(reminded).toMatchObject({ reminded: 2, failed: 0 });
    const done = await doneBatch(reminded.batchId);
    expect(done).toMatchObject({ kind: 'REMINDER', total: 2, sent: 2 });

    const mails = mailsTo(app, 'rem0@mail.example');
    expect(mails).toHaveLength(2);
    expect(mails[1].file).toMatch(/-reminder-1\.eml$/);
    expect(mails[1].token).toBe(first.token);
    expect((await app.gql(SURVEY, { token: first.token })).data.surveyByToken).not.toBeNull();
    expect(mailsTo(app, 'rem1@mail.example')).toHaveLength(1);
  }, 60_000);
});

describe('when the mail server is down', () => {
  it('retries the batch with backoff (the page says RETRYING) and loses nothing', async () => {
    const ids = await contacts('down', 5);
    const waveId = await openWave(app, cx, { name: 'Flaky server wave' });
    const flaky = flakyMailer(5);
    app.services.mailer = flaky;
    try {
      const { batchId } = (await app.gql(INVITE_BATCH, { waveId, contactIds: Object.values(ids) }, cx)).data.inviteToWave;
      const seen: string[] = [];
      const retrying = await until(async () => {
        const batch = await batchOf(batchId);
        seen.push(batch?.state);
        return batch?.state === 'RETRYING' ? batch : null;
      }, 'the batch to retry').catch((error) => {
        throw new Error(`${error.message}; states seen: ${[...new Set(seen)].join(', ')}`);
      });
      expect(retrying).toMatchObject({ retrying: 5, sent: 0, failed: 0 });
      expect(retrying.failures).toHaveLength(5);
      expect(retrying.failures[0]).toMatchObject({ state: 'QUEUED', attempts: 1 });
      expect(retrying.failures[0].error).toContain('ECONNREFUSED');

      const done = await doneBatch(batchId);
      expect(done).toMatchObject({ sent: 5, failed: 0, retrying: 0, failures: [] });
      for (const email of Object.keys(ids)) expect(mailsTo(app, email)).toHaveLength(1);
      expect(flaky.calls).toBe(10);
    } finally {
      app.services.mailer = realMailer();
    }
  }, 60_000);

  it('lists what failed after the last retry, and retryFailedMail sends it as the same mail', async () => {
    const ids = await contacts('dead', 3);
    const waveId = await openWave(app, cx, { name: 'Dead server wave' });
    app.services.mailer = flakyMailer(1_000);
    let batchId: string;
    try {
      batchId = (await app.gql(INVITE_BATCH, { waveId, contactIds: Object.values(ids) }, cx)).data.inviteToWave.batchId;
      const done = await doneBatch(batchId);
      expect(done).toMatchObject({ sent: 0, failed: 3, queued: 0 });
      expect(done.failures.map((f: { email: string }) => f.email).sort()).toEqual(Object.keys(ids).sort());
      expect(done.failures.every((f: { state: string; attempts: number }) => f.state === 'FAILED' && f.attempts === 3)).toBe(true);
      // A failed first mail leaves the invitation PENDING.
      expect((await sql(`SELECT DISTINCT status FROM invitations WHERE wave_id = $1`, [waveId])).map((r) => r.status)).toEqual(['PENDING']);
    } finally {
      app.services.mailer = realMailer();
    }
    // A manager owns none of them: nothing of theirs to retry, and they see no one else's failure.
    expect((await app.gql(RETRY, { w: waveId }, marta)).data.retryFailedMail).toEqual({ batchId: null, retried: 0 });
    expect((await app.gql(BATCH, { id: batchId }, marta)).data.mailBatch.failures).toEqual([]);

    const retry = (await app.gql(RETRY, { w: waveId }, cx)).data.retryFailedMail;
    expect(retry.retried).toBe(3);
    expect(await doneBatch(retry.batchId)).toMatchObject({ kind: 'RETRY', total: 3, sent: 3, failed: 0 });
    for (const email of Object.keys(ids)) {
      const mails = mailsTo(app, email);
      expect(mails).toHaveLength(1);
      expect(mails[0].file).toMatch(/-invitation\.eml$/);
      expect(mails[0].body).not.toContain('A quick reminder');
    }
    expect((await app.gql(RETRY, { w: waveId }, cx)).data.retryFailedMail).toEqual({ batchId: null, retried: 0 });
  }, 60_000);

  it('refuses retryFailedMail for employee waves, closed waves and the wrong roles', async () => {
    const hr = await app.login('hr@demo.test');
    const [employeeWave] = await sql(`SELECT id FROM waves WHERE anonymous AND status = 'OPEN' LIMIT 1`);
    if (employeeWave) expect(codeOf(await app.gql(RETRY, { w: employeeWave.id }, hr))).toBe('INVALID_STATE');
    const [closed] = await sql(`SELECT id FROM waves WHERE NOT anonymous AND status = 'CLOSED' LIMIT 1`);
    expect(codeOf(await app.gql(RETRY, { w: closed.id }, cx))).toBe('INVALID_STATE');
    expect(codeOf(await app.gql(RETRY, { w: closed.id }, await app.login('leader@demo.test')))).toBe('FORBIDDEN');
  });
});

it('keeps every mail in the outbox whole: no half-written .eml', () => {
  expect(outbox(app).every((m) => m.raw.includes('Content-Type') && m.to.length > 0)).toBe(true);
});
