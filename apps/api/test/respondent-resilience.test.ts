import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerWriterOf } from '../src/survey/respondent/answer-writer.js';
import { hashSurveyToken } from '../src/survey/invitations/tokens.js';
import { importContacts, inviteOne, openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The respondent on a flaky network and a server under load (issue 21): a submit retried with the
 * same submission id is answered ok and stored once; past the answer writer's queue limit an answer
 * is refused with HTTP 503 and Retry-After, and nothing of it is written; the built web app is
 * served precompressed, hashed files cached for a year, pages revalidated, the respondent's links
 * answered by the light entry.
 */
let app: TestApp;
let cx: string;
let waveId: string;
let contacts: Record<string, string>;
const dist = mkdtempSync(path.join(tmpdir(), 'tandem-dist-'));

const SUBMIT = `mutation($token: String!, $input: ResponseInput!, $submissionId: String) {
  submitResponse(token: $token, input: $input, submissionId: $submissionId) { ok } }`;
const JS = `console.log(${JSON.stringify('respondent '.repeat(200))});\n`;

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>staff</title>');
  writeFileSync(path.join(dist, 'survey.html'), '<!doctype html><title>respondent</title>');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dist, 'assets/survey-Ab12Cd34.js'), JS);
  writeFileSync(path.join(dist, 'assets/survey-Ab12Cd34.js.br'), brotliCompressSync(JS));
  writeFileSync(path.join(dist, 'assets/survey-Ab12Cd34.js.gz'), gzipSync(JS));
  app = await startTestApp({ env: { ANSWER_QUEUE_LIMIT: '2', WEB_DIST: dist } });
  cx = await app.login('cx@demo.test');
  waveId = await openWave(app, cx, { name: 'Resilience wave' });
  contacts = await importContacts(app, cx, [
    ['retry.one@resilience.test', 'Retry One', 'en', '', '', '', ''],
    ['retry.two@resilience.test', 'Retry Two', 'en', '', '', '', ''],
    ['retry.three@resilience.test', 'Retry Three', 'en', '', '', '', ''],
    ['busy.one@resilience.test', 'Busy One', 'en', '', '', '', ''],
  ]);
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

const stored = async (email: string) =>
  (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM responses r JOIN contacts c ON c.id = r.contact_id WHERE c.email = $1 AND r.wave_id = $2`, [email, waveId]))[0].n as number;

describe('a submit retried with the same submission id', () => {
  it('is answered ok and stored once; another answer on the spent link is still CONFLICT', async () => {
    const email = 'retry.one@resilience.test';
    const token = await inviteOne(app, cx, waveId, contacts[email]!, email);
    const submissionId = randomUUID();
    const first = await app.gql(SUBMIT, { token, input: { score: 9, reason: 'Quick' }, submissionId });
    const retry = await app.gql(SUBMIT, { token, input: { score: 9, reason: 'Quick' }, submissionId });
    expect(first.data?.submitResponse).toEqual({ ok: true });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.submitResponse).toEqual({ ok: true });
    expect(await stored(email)).toBe(1);

    const other = await app.gql(SUBMIT, { token, input: { score: 2 }, submissionId: randomUUID() });
    expect([codeOf(other), fieldOf(other)]).toEqual(['CONFLICT', 'token']);
    const bare = await app.gql(SUBMIT, { token, input: { score: 2 } });
    expect([codeOf(bare), fieldOf(bare)]).toEqual(['CONFLICT', 'token']);
    const [row] = await app.db.dataSource.query(`SELECT score FROM responses r JOIN contacts c ON c.id = r.contact_id WHERE c.email = $1`, [email]);
    expect(row.score).toBe(9);
  });

  it('is stored once when the retry arrives while the first submit is still being written', async () => {
    const email = 'retry.two@resilience.test';
    const token = await inviteOne(app, cx, waveId, contacts[email]!, email);
    const submissionId = randomUUID();
    const both = await Promise.all([0, 1, 2].map(() => app.gql(SUBMIT, { token, input: { score: 4 }, submissionId })));
    expect(both.map((r) => r.data?.submitResponse?.ok ?? codeOf(r))).toEqual([true, true, true]);
    expect(await stored(email)).toBe(1);
  });

  it('keeps only a hash of the id, on the invitation; a malformed id is BAD_USER_INPUT naming submissionId', async () => {
    const email = 'retry.three@resilience.test';
    const token = await inviteOne(app, cx, waveId, contacts[email]!, email);
    const bad = await app.gql(SUBMIT, { token, input: { score: 7 }, submissionId: 'x' });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'submissionId']);
    expect(await stored(email)).toBe(0);
    const submissionId = randomUUID();
    expect((await app.gql(SUBMIT, { token, input: { score: 7 }, submissionId })).data?.submitResponse).toEqual({ ok: true });
    const [invitation] = await app.db.dataSource.query(`SELECT submission_hash FROM invitations WHERE token_hash = $1`, [hashSurveyToken(token)]);
    expect(invitation.submission_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(invitation.submission_hash).not.toContain(submissionId.replace(/-/g, ''));
    const columns: { column_name: string }[] = await app.db.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('responses', 'employee_answers', 'employee_answer_staging') AND column_name LIKE 'submission%'`,
    );
    expect(columns).toEqual([]);
  });

  it('works the same for an employee’s anonymous link: ok twice, one answer, nothing on the answer', async () => {
    const db = app.db.dataSource;
    const [wave] = await db.query(`SELECT id, organization_id FROM waves WHERE audience = 'EMPLOYEE' AND status = 'OPEN' LIMIT 1`);
    expect(wave).toBeDefined();
    const [{ id: employeeId }] = await db.query(
      `INSERT INTO employees (organization_id, email, name, language) VALUES ($1, $2, 'Retry Employee', 'en') RETURNING id`,
      [wave.organization_id, `retry-${randomUUID()}@staff.test`],
    );
    const token = randomBytes(32).toString('base64url');
    await db.query(
      `INSERT INTO employee_participations (organization_id, wave_id, employee_id, token_hash, responded, invited_on) VALUES ($1, $2, $3, $4, false, CURRENT_DATE)`,
      [wave.organization_id, wave.id, employeeId, hashSurveyToken(token)],
    );
    const answers = async () =>
      (await db.query(
        `SELECT (SELECT count(*) FROM employee_answers WHERE wave_id = $1) + (SELECT count(*) FROM employee_answer_staging WHERE wave_id = $1) AS n`,
        [wave.id],
      ))[0].n as string;
    const before = Number(await answers());
    const submissionId = randomUUID();
    const first = await app.gql(SUBMIT, { token, input: { score: 8 }, submissionId });
    const retry = await app.gql(SUBMIT, { token, input: { score: 8 }, submissionId });
    expect([first.data?.submitResponse, retry.data?.submitResponse]).toEqual([{ ok: true }, { ok: true }]);
    expect(Number(await answers())).toBe(before + 1);
    const other = await app.gql(SUBMIT, { token, input: { score: 1 }, submissionId: randomUUID() });
    expect([codeOf(other), fieldOf(other)]).toEqual(['CONFLICT', 'token']);
  });
});

describe('the answer writer under overload', () => {
  it('refuses past its queue limit with HTTP 503, Retry-After and OVERLOADED, and writes nothing of the refused answer', async () => {
    const email = 'busy.one@resilience.test';
    const token = await inviteOne(app, cx, waveId, contacts[email]!, email);
    // Holds the writer as if two answers were waiting behind a write in flight (ANSWER_QUEUE_LIMIT=2).
    const writer = answerWriterOf(app.db.dataSource.manager, 2) as unknown as { writing: boolean; queue: unknown[] };
    writer.writing = true;
    writer.queue.push({}, {});
    let response: Response;
    try {
      response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SUBMIT, variables: { token, input: { score: 10 }, submissionId: randomUUID() } }),
      });
    } finally {
      writer.queue.length = 0;
      writer.writing = false;
    }
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    const body = (await response.json()) as { errors: { extensions: { code: string; retryAfter: number } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'OVERLOADED', retryAfter: 2 });
    expect(await stored(email)).toBe(0);
    // Once the queue has room, the same answer goes through.
    expect((await app.gql(SUBMIT, { token, input: { score: 10 } })).data?.submitResponse).toEqual({ ok: true });
    expect(await stored(email)).toBe(1);
  });
});

/** A raw GET: headers and the bytes as sent (fetch would decode them). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.url}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built web app', () => {
  const asset = '/assets/survey-Ab12Cd34.js';

  it('serves the brotli file to a browser that takes it, else gzip, else the file, each with Vary', async () => {
    const br = await get(asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(brotliCompressSync(JS))).toBe(true);
    const gz = await get(asset, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(gzipSync(JS))).toBe(true);
    const none = await get(asset, { 'accept-encoding': 'identity' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(JS);
    const refused = await get(asset, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    for (const res of [br, gz, none]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers the respondent’s links with the light entry and every other page with the staff app, both revalidated', async () => {
    for (const pathname of ['/s/abcDEF123', '/unsubscribe/abcDEF123']) {
      const page = await get(pathname, { accept: 'text/html' });
      expect(page.body.toString()).toContain('respondent');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    for (const pathname of ['/', '/waves/1', '/s']) {
      const page = await get(pathname, { accept: 'text/html' });
      expect(page.body.toString()).toContain('staff');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers.etag).toBeTruthy();
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
    expect((await get(asset, {}, 'HEAD')).status).toBe(200);
  });

  it('is a 404 for a hashed file that is not there, never a page', async () => {
    expect((await get('/assets/gone-123.js', { accept: '*/*' })).status).toBe(404);
    // Only the files of the build are served: a path outside it gets the app's page, never a file from disk.
    const outside = await get('/assets/../../etc/passwd', { accept: '*/*' });
    expect(outside.body.toString()).not.toContain('root:');
  });
});
