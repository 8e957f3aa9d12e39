import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { csvCell } from '../src/survey/exports/export-rows.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18: exports. exportResponses / exportFollowUps start a job and answer its id; once DONE
 * the file (CSV or NDJSON) is streamed by GET /exports/<id> to the same user or API client only.
 * Its rows are what the list with the same filter shows, oldest first; bad input writes nothing.
 */
let app: TestApp;
let api: string;

const EXPORT = `mutation($filter: ResponseFilter, $format: String) { exportResponses(filter: $filter, format: $format) { id status url rows } }`;
const EXPORT_FOLLOW_UPS = `mutation($filter: FollowUpFilter, $format: String) { exportFollowUps(filter: $filter, format: $format) { id status url rows } }`;
const JOB = `query($id: ID!) { exportJob(id: $id) { id status rows url error kind format } }`;
const RESPONSE_IDS = `query($filter: ResponseFilter, $after: String) { responses(filter: $filter, first: 100, after: $after, order: OLDEST_FIRST) {
  pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

const exportsCount = async () => (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM exports`))[0].n as number;

async function listIds(filter: Record<string, unknown>, token: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } = (await app.gql(RESPONSE_IDS, { filter, after }, token)).data.responses;
    ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

/** Starts an export, waits until it is written, and GETs its file. */
async function exported(query: string, variables: Record<string, unknown>, token: string): Promise<{ job: any; body: string; type: string | null }> {
  const res = await app.gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  const id = (res.data.exportResponses ?? res.data.exportFollowUps).id as string;
  const job = await until(async () => {
    const j = (await app.gql(JOB, { id }, token)).data.exportJob;
    return j.status === 'DONE' ? j : null;
  }, 'the export');
  const file = await fetch(job.url.replace(app.config.publicUrl, app.url), { headers: { authorization: `Bearer ${token}` } });
  expect(file.status).toBe(200);
  return { job, body: await file.text(), type: file.headers.get('content-type') };
}

beforeAll(async () => {
  app = await startTestApp();
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

describe('exportResponses', () => {
  it('writes every response the list shows, oldest first, as CSV', async () => {
    const { job, body, type } = await exported(EXPORT, {}, api);
    expect(type).toContain('text/csv');
    const rows: Record<string, string>[] = parse(body, { columns: true });
    const ids = await listIds({}, api);
    expect(job.rows).toBe(ids.length);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['submitted_at', 'wave_name', 'score', 'contact_email', 'themes', 'segments']));
    // Identified audiences only: employee answers are never rows of an export.
    expect(new Set(rows.map((r) => r.audience)).has('EMPLOYEE')).toBe(false);
  });

  it('as NDJSON with a filter: the detractors only', async () => {
    const { body, type } = await exported(EXPORT, { filter: { category: 'DETRACTOR' }, format: 'ndjson' }, api);
    expect(type).toContain('application/x-ndjson');
    const lines = body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.category === 'DETRACTOR' && typeof l.score === 'number' && l.score <= 6)).toBe(true);
    expect(lines.map((l) => l.id)).toEqual(await listIds({ category: 'DETRACTOR' }, api));
  });

  it("gives a manager only their own contacts' responses", async () => {
    const manager = await app.login('manager@demo.test');
    const { body } = await exported(EXPORT, {}, manager);
    const rows: Record<string, string>[] = parse(body, { columns: true });
    expect(rows.map((r) => r.id)).toEqual(await listIds({}, manager));
    expect(new Set(rows.map((r) => r.owner_email))).toEqual(new Set(['manager@demo.test']));
  });

  it('is fetched only with the token of whoever asked for it', async () => {
    const { job } = await exported(EXPORT, {}, api);
    const url = job.url.replace(app.config.publicUrl, app.url);
    expect((await fetch(url)).status).toBe(401);
    const cx = await app.login('cx@demo.test');
    const other = await fetch(url, { headers: { authorization: `Bearer ${cx}` } });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(JOB, { id: job.id }, cx))).toBe('NOT_FOUND');
    const stranger = await createOrganization(app.db.dataSource.manager, 'export-other', ['CX']);
    const strangerToken = await app.login(stranger.users.CX, stranger.password);
    expect((await fetch(url, { headers: { authorization: `Bearer ${strangerToken}` } })).status).toBe(404);
  });

  it('refuses a bad format or filter with BAD_USER_INPUT naming the field, and starts nothing', async () => {
    const before = await exportsCount();
    const format = await app.gql(EXPORT, { format: 'xlsx' }, api);
    expect([codeOf(format), fieldOf(format)]).toEqual(['BAD_USER_INPUT', 'format']);
    const filter = await app.gql(EXPORT, { filter: { from: '2026-02-01', to: '2026-01-01' } }, api);
    expect([codeOf(filter), fieldOf(filter)]).toEqual(['BAD_USER_INPUT', 'filter.to']);
    expect(await exportsCount()).toBe(before);
    expect(codeOf(await app.gql(EXPORT, {}, await app.login('hr@demo.test')))).toBe('FORBIDDEN');
  });
});

describe('exportFollowUps', () => {
  it('writes the follow-ups with their notes for an API token', async () => {
    const { job, body } = await exported(EXPORT_FOLLOW_UPS, {}, api);
    const rows: Record<string, string>[] = parse(body, { columns: true });
    expect(rows.length).toBe(job.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['status', 'due_at', 'response_id', 'owner_email', 'notes']));
    const created = rows.map((r) => Date.parse(r.created_at));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });
});

describe('a CSV cell', () => {
  it('quotes what needs it and disarms spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ region: 'EU' })).toBe('"{""region"":""EU""}"');
  });
});
