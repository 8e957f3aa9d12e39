import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobData } from '../src/platform/jobs/types.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17, operations: an admin sees their organization's queues (depth, latency) and the jobs that
 * failed on every try, with the error, and can run one again. Another organization's jobs are not
 * counted and not found; bad input names its field and changes nothing.
 */

const QUEUES = `{ jobQueues { name queued scheduled retrying active completedLastHour failedLastHour deadLettered waitP50Ms waitP95Ms runP95Ms } }`;
const DEAD = `query($first: Int) { deadLetteredJobs(first: $first) { id queue error attempts failedAt } }`;
const RETRY = `mutation($id: ID!) { retryDeadLetteredJob(id: $id) { id queue } }`;

interface Mail extends JobData {
  to: string;
}

let app: TestApp;
let acme: Awaited<ReturnType<typeof createOrganization>>;
let rival: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<string, string> = {};
let smtpDown = true;
const sent: string[] = [];
const deadCount = async (organizationId: string) =>
  Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.mail.dead-letter' AND data->>'organizationId' = $1`, [organizationId]))[0].n);

beforeAll(async () => {
  app = await startTestApp({
    jobs: ({ jobs }) => {
      jobs.defineQueue('test.mail', { retryLimit: 0 });
      jobs.registerWorker<Mail>('test.mail', async (job) => {
        if (smtpDown) throw new Error(`554 relay refused for ${job.data.to}`);
        sent.push(job.data.to);
      });
    },
  });
  acme = await createOrganization(app.db.dataSource.manager, 'acme-jobs', ['ADMIN', 'CX']);
  rival = await createOrganization(app.db.dataSource.manager, 'rival-jobs', ['ADMIN']);
  tokens.admin = await app.login(acme.users.ADMIN, acme.password);
  tokens.cx = await app.login(acme.users.CX, acme.password);
  tokens.rival = await app.login(rival.users.ADMIN, rival.password);
  const { jobs } = app.background;
  await jobs.send<Mail>('test.mail', { organizationId: acme.org.id, to: 'first@acme.test' });
  await jobs.send<Mail>('test.mail', { organizationId: rival.org.id, to: 'other@rival.test' });
  await until(async () => (await deadCount(acme.org.id)) === 1 && (await deadCount(rival.org.id)) === 1, 'both jobs to dead-letter');
});
afterAll(() => app?.close());

describe('dead-lettered jobs', () => {
  it("lists the organization's own, with the error, and not another organization's", async () => {
    const res = await app.gql(DEAD, {}, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.deadLetteredJobs).toEqual([
      { id: expect.any(String), queue: 'test.mail', error: '554 relay refused for first@acme.test', attempts: 1, failedAt: expect.any(String) },
    ]);
    const theirs = await app.gql(DEAD, {}, tokens.rival);
    expect(theirs.data.deadLetteredJobs.map((j: { error: string }) => j.error)).toEqual(['554 relay refused for other@rival.test']);
  });

  it("counts the organization's own jobs per queue", async () => {
    const res = await app.gql(QUEUES, {}, tokens.admin);
    expect(res.errors).toBeUndefined();
    const mail = res.data.jobQueues.find((q: { name: string }) => q.name === 'test.mail');
    expect(mail).toMatchObject({ queued: 0, active: 0, deadLettered: 1, failedLastHour: 1 });
    expect(res.data.jobQueues.map((q: { name: string }) => q.name)).toContain('events.dispatch');
    expect(res.data.jobQueues.some((q: { name: string }) => q.name.endsWith('.dead-letter') || q.name.startsWith('__pgboss'))).toBe(false);
  });

  it('is for admins only', async () => {
    expect(codeOf(await app.gql(DEAD, {}, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(QUEUES, {}, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(RETRY, { id: '00000000-0000-4000-8000-000000000000' }, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(QUEUES))).toBe('UNAUTHENTICATED');
  });

  it('refuses a page size out of range, naming it', async () => {
    for (const first of [0, 201]) {
      const res = await app.gql(DEAD, { first }, tokens.admin);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('first');
    }
  });

  it("refuses to retry an unknown job, a malformed id or another organization's job, changing nothing", async () => {
    const [{ id: theirs }] = (await app.gql(DEAD, {}, tokens.rival)).data.deadLetteredJobs;
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-job', theirs]) {
      const res = await app.gql(RETRY, { id }, tokens.admin);
      expect(codeOf(res), id).toBe('NOT_FOUND');
      expect(fieldOf(res), id).toBe('id');
    }
    expect(await deadCount(rival.org.id)).toBe(1);
    expect(await deadCount(acme.org.id)).toBe(1);
  });

  it('runs a dead-lettered job again once the fault is gone, and takes it off the list', async () => {
    smtpDown = false;
    const [{ id }] = (await app.gql(DEAD, {}, tokens.admin)).data.deadLetteredJobs;
    const res = await app.gql(RETRY, { id }, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.retryDeadLetteredJob).toEqual({ id: expect.any(String), queue: 'test.mail' });
    expect(res.data.retryDeadLetteredJob.id).not.toBe(id);
    await until(() => sent.includes('first@acme.test'), 'the retried job to send its mail');
    expect((await app.gql(DEAD, {}, tokens.admin)).data.deadLetteredJobs).toEqual([]);
    // Retrying the same one again: it is gone.
    const again = await app.gql(RETRY, { id }, tokens.admin);
    expect([codeOf(again), fieldOf(again)]).toEqual(['NOT_FOUND', 'id']);
    expect(sent).toEqual(['first@acme.test']);
    await until(async () => {
      const stats = (await app.gql(QUEUES, {}, tokens.admin)).data.jobQueues.find((q: { name: string }) => q.name === 'test.mail');
      return stats.completedLastHour === 1 && stats.deadLettered === 0 && stats.waitP50Ms !== null && stats.runP95Ms !== null;
    }, 'the stats to show the completed job and its latency');
  });
});
