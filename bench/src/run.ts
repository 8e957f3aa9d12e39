/**
 * `npm run bench [-- --sizes 10000,100000,1000000] [--quick] [--database-url URL]`
 *
 * On a dedicated database (tandem_bench, dropped and created on the server of DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/test): starts the built API once to migrate and seed the demo,
 * then for each size adds answers up to it (seed.ts), restarts the API and times over HTTP, after
 * warm-up, the board, npsSummary with a segment filter, npsBreakdown by org unit and by segment and
 * npsTrend by month — each beside the same numbers computed by a plain SQL scan, and checked equal
 * to them. At the largest size it drives submitResponse from concurrent clients and checks that no
 * answer was lost or counted twice. Results: bench/results/<date>-<sizes>.json and the table in
 * docs/performance.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLNamedType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import pg from 'pg';
import { graphql, GraphQLRequestError, session, stats, timeLoop, type TimingOptions } from './http.js';
import { resultsFileName, updateDoc, writeJson, type BenchResults, type QueryResult, type SizeResult, type SubmitResult } from './report.js';
import { API_DIST, argValue, demoOrganization, ensureWave, REPO_ROOT, seedResponses } from './seed.js';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_DB = 'tandem_bench';
const LEADER = { email: 'leader@demo.test', password: 'tandem-demo' };

// ---------------------------------------------------------------------------------------------
// Options

interface Options extends TimingOptions {
  sizes: number[];
  serverUrl: string;
  clients: number;
  submitSeconds: number;
  tokensPerClient: number;
}

function options(args: string[]): Options {
  const quick = args.includes('--quick');
  const sizes = (argValue(args, 'sizes') ?? (quick ? '10000,100000' : '10000,100000,1000000')).split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 0) || sizes.some((n, i) => i > 0 && n < sizes[i - 1])) {
    throw new Error('--sizes takes ascending whole numbers, e.g. --sizes 10000,100000');
  }
  const clients = Number(argValue(args, 'clients') ?? 50);
  return {
    sizes,
    serverUrl: argValue(args, 'database-url') ?? process.env.DATABASE_URL ?? DEFAULT_SERVER,
    warmup: quick ? 5 : 20,
    iterations: quick ? 30 : 200,
    minIterations: quick ? 10 : 20,
    budgetMs: quick ? 10_000 : 30_000,
    clients,
    submitSeconds: Number(argValue(args, 'submit-seconds') ?? (quick ? 5 : 15)),
    tokensPerClient: quick ? 200 : 600,
  };
}

// ---------------------------------------------------------------------------------------------
// The database and the API process

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreateDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: new URL(serverUrl).pathname === `/${BENCH_DB}` ? databaseUrl(serverUrl, 'postgres') : serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, BENCH_DB);
}

/** Builds the API when its dist is missing; warns when a source file is newer than the build. */
function ensureApiBuilt(notes: string[]): void {
  const main = resolve(API_DIST, 'main.js');
  if (!existsSync(main)) {
    console.log('Building the API (npx turbo run build --filter=@tandem/api)…');
    const built = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@tandem/api'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(main)) throw new Error('Building the API failed');
    return;
  }
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  const src = resolve(REPO_ROOT, 'apps/api/src');
  if (existsSync(src) && newest(src) > statSync(main).mtimeMs) {
    const note = 'apps/api/src has changes newer than apps/api/dist: this run measures the last build (npx turbo run build --filter=@tandem/api).';
    console.warn(`warning: ${note}`);
    notes.push(note);
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Api {
  url: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** `node apps/api/dist/main.js` on a free port against the bench database, ready when /readyz says so. */
async function startApi(db: string, jwtSecret: string, dataDir: string): Promise<Api> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    SEED_DEMO: 'true',
  };
  delete env.OUTBOX_DIR;
  delete env.SMTP_URL;
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API under the load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, resolve(API_DIST, 'main.js')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-10_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited during start (code ${child.exitCode}):\n${log}`);
    const ready = await fetch(`${url}/readyz`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    if (ready) {
      if ((ready as { database?: string }).database !== 'postgres') throw new Error(`The API is not on PostgreSQL: ${JSON.stringify(ready)}`);
      return { url, stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API was not ready within 3 minutes:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---------------------------------------------------------------------------------------------
// What is measured: each operation beside its plain SQL scan

interface Counts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}
type Summary = Partial<Counts> & { suppressed?: boolean };

interface Scenario {
  name: string;
  /** The Query field; the scenario is skipped (with a note) when the server does not serve it. */
  field: string;
  args: Record<string, unknown>;
  sql: string;
  /** Compares the API's answer with the scan's rows: null when nothing could be compared. */
  compare(data: unknown, rows: Record<string, unknown>[]): { exact: boolean | null; note?: string };
}

const COUNTS_SQL = `count(*)::int AS responses, count(*) FILTER (WHERE category = 'PROMOTER')::int AS promoters,
  count(*) FILTER (WHERE category = 'PASSIVE')::int AS passives, count(*) FILTER (WHERE category = 'DETRACTOR')::int AS detractors`;

const sameCounts = (api: Summary | null | undefined, sql: Partial<Counts> | undefined) =>
  !!api && (['responses', 'promoters', 'passives', 'detractors'] as const).every((k) => api[k] === undefined || (api[k] ?? 0) === (sql?.[k] ?? 0));

/** Compares groups ({ key, label, summary }) with rows keyed by `key` (or by label). */
function compareGroups(groups: { key?: string; label?: string; summary?: Summary }[] | undefined, rows: Record<string, unknown>[]) {
  if (!Array.isArray(groups)) return { exact: null, note: 'unexpected shape' };
  const byKey = new Map(rows.map((r) => [String(r.key), r as unknown as Counts]));
  const byLabel = new Map(rows.map((r) => [String(r.label ?? r.key), r as unknown as Counts]));
  let compared = 0;
  const wrong: string[] = [];
  for (const g of groups) {
    if (!g.summary || g.summary.suppressed) continue;
    const sql = byKey.get(String(g.key)) ?? byLabel.get(String(g.label));
    if (!sql && !g.summary.responses) continue;
    compared++;
    if (!sameCounts(g.summary, sql)) wrong.push(String(g.label ?? g.key));
  }
  if (compared === 0) return { exact: null, note: 'no group to compare' };
  return wrong.length ? { exact: false, note: `differs for ${wrong.slice(0, 3).join(', ')}${wrong.length > 3 ? '…' : ''}` } : { exact: true };
}

const monthOf = (period: unknown) => /(\d{4})-(\d{2})/.exec(String(period))?.slice(1, 3).join('-');

function quarterBounds(now: Date, back: number): { year: number; quarter: number; from: string; to: string } {
  const first = Math.floor(now.getUTCMonth() / 3) * 3 - back * 3;
  const start = new Date(Date.UTC(now.getUTCFullYear(), first, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), first + 3, 1));
  const month = (d: Date) => d.toISOString().slice(0, 7);
  return { year: start.getUTCFullYear(), quarter: Math.floor(start.getUTCMonth() / 3) + 1, from: month(start), to: month(end) };
}

function scenarios(now: Date): Scenario[] {
  const current = quarterBounds(now, 0);
  const previous = quarterBounds(now, 1);
  const inQuarter = (rows: Record<string, unknown>[], audience: string, q: { from: string; to: string }): Counts =>
    rows
      .filter((r) => r.audience === audience && String(r.month) >= q.from && String(r.month) < q.to)
      .reduce<Counts>(
        (a, r) => ({ responses: a.responses + Number(r.responses), promoters: a.promoters + Number(r.promoters), passives: a.passives + Number(r.passives), detractors: a.detractors + Number(r.detractors) }),
        { responses: 0, promoters: 0, passives: 0, detractors: 0 },
      );
  return [
    {
      name: 'board',
      field: 'board',
      args: { period: { year: current.year, quarter: current.quarter } },
      // Per audience and month over everything: the period, the previous one and the trends.
      sql: `SELECT audience, to_char(at, 'YYYY-MM') AS month, ${COUNTS_SQL}
              FROM (SELECT audience, submitted_at AT TIME ZONE 'UTC' AS at, category FROM responses WHERE organization_id = $1
                    UNION ALL
                    SELECT 'EMPLOYEE', answered_on::timestamp, category FROM employee_answers WHERE organization_id = $1) x
             GROUP BY 1, 2`,
      compare(data, rows) {
        const audiences = (data as { audiences?: { audience: string; summary?: Summary; previous?: Summary | null }[] })?.audiences;
        if (!Array.isArray(audiences)) return { exact: null, note: 'no audiences field' };
        let compared = 0;
        const wrong: string[] = [];
        for (const a of audiences) {
          for (const [summary, q] of [[a.summary, current], [a.previous, previous]] as const) {
            if (!summary || summary.suppressed || summary.responses === undefined) continue;
            compared++;
            if (!sameCounts(summary, inQuarter(rows, a.audience, q))) wrong.push(`${a.audience} ${q === current ? 'period' : 'previous'}`);
          }
        }
        if (compared === 0) return { exact: null, note: 'nothing to compare' };
        return wrong.length ? { exact: false, note: `differs for ${wrong.join(', ')} (period taken as the calendar quarter of submission)` } : { exact: true };
      },
    },
    {
      name: 'npsSummary (region EU)',
      field: 'npsSummary',
      args: { filter: { segments: [{ key: 'region', value: 'EU' }] } },
      sql: `SELECT ${COUNTS_SQL} FROM responses r WHERE r.organization_id = $1 AND r.segments ->> 'region' = 'EU'`,
      compare(data, rows) {
        const s = data as Summary;
        if (s?.suppressed) return { exact: null, note: 'suppressed' };
        return { exact: sameCounts(s, rows[0] as unknown as Counts) };
      },
    },
    {
      name: 'npsBreakdown by ORG_UNIT',
      field: 'npsBreakdown',
      args: { filter: {}, by: 'ORG_UNIT' },
      // Each unit with its whole subtree: one scan grouped by unit, rolled up over the tree.
      sql: `WITH RECURSIVE tree(ancestor, id) AS (
              SELECT id, id FROM org_units WHERE organization_id = $1
              UNION ALL
              SELECT t.ancestor, u.id FROM tree t JOIN org_units u ON u.parent_id = t.id
            ),
            per_unit AS (SELECT org_unit_id, ${COUNTS_SQL} FROM responses WHERE organization_id = $1 GROUP BY 1)
            SELECT t.ancestor::text AS key, min(u.name) AS label, sum(p.responses)::int AS responses, sum(p.promoters)::int AS promoters,
                   sum(p.passives)::int AS passives, sum(p.detractors)::int AS detractors
              FROM tree t JOIN per_unit p ON p.org_unit_id = t.id JOIN org_units u ON u.id = t.ancestor
             GROUP BY 1`,
      compare: (data, rows) => compareGroups(data as never, rows),
    },
    {
      name: 'npsBreakdown by SEGMENT region',
      field: 'npsBreakdown',
      args: { filter: {}, by: 'SEGMENT', segmentKey: 'region' },
      sql: `SELECT r.segments ->> 'region' AS key, ${COUNTS_SQL} FROM responses r WHERE r.organization_id = $1 GROUP BY 1`,
      compare: (data, rows) => compareGroups(data as never, rows),
    },
    {
      name: 'npsTrend by MONTH',
      field: 'npsTrend',
      args: { filter: {}, interval: 'MONTH' },
      sql: `SELECT to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key, ${COUNTS_SQL}
              FROM responses r WHERE r.organization_id = $1 GROUP BY 1 ORDER BY 1`,
      compare(data, rows) {
        const points = (data as { period: string; summary?: Summary }[] | undefined)?.filter((p) => p.summary && !p.summary.suppressed && p.summary.responses);
        if (!Array.isArray(points) || points.length === 0) return { exact: null, note: 'no points' };
        const byMonth = new Map(rows.map((r) => [String(r.key), r as unknown as Counts]));
        const labelled = points.every((p) => monthOf(p.period));
        // Periods like "2026-03" are matched by month; otherwise the non-empty points in order.
        const wrong = labelled
          ? points.filter((p) => !sameCounts(p.summary, byMonth.get(monthOf(p.period)!))).map((p) => p.period)
          : points.filter((p, i) => !sameCounts(p.summary, rows.slice(-points.length)[i] as unknown as Counts)).map((p) => p.period);
        return wrong.length ? { exact: false, note: `differs for ${wrong.slice(0, 3).join(', ')}` } : { exact: true };
      },
    },
  ];
}

/** A selection set for a type: every field without required arguments, nested objects up to `depth`. */
function selectionOf(type: GraphQLNamedType, depth: number, path: string[] = []): string | null {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth === 0 || path.includes(type.name)) return null;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const sub = selectionOf(getNamedType(field.type), depth - 1, [...path, type.name]);
    if (sub === '') parts.push(field.name);
    else if (sub) parts.push(`${field.name} { ${sub} }`);
  }
  return parts.length ? parts.join(' ') : null;
}

/** The GraphQL document for a scenario, or why the server cannot answer it. */
function documentFor(schema: GraphQLSchema, s: Scenario): { query: string } | { skip: string } {
  const field = schema.getQueryType()?.getFields()[s.field];
  if (!field) return { skip: 'not served yet' };
  const missing = Object.keys(s.args).filter((name) => !field.args.some((a) => a.name === name));
  if (missing.length) return { skip: `no argument ${missing.join(', ')}` };
  const selection = selectionOf(getNamedType(field.type), 5);
  const used = field.args.filter((a) => a.name in s.args);
  const vars = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  return { query: `query Bench${vars ? `(${vars})` : ''} { ${s.field}${call ? `(${call})` : ''}${selection ? ` { ${selection} }` : ''} }` };
}

async function measureQueries(api: Api, db: pg.Client, organizationId: string, o: TimingOptions, now: Date, quiet = false): Promise<QueryResult[]> {
  const log = (line: string) => quiet || console.log(line);
  const token = session(api.url, LEADER.email, LEADER.password);
  const introspection = await graphql<IntrospectionQuery>(api.url, getIntrospectionQuery(), {}, await token());
  const schema = buildClientSchema(introspection);
  const results: QueryResult[] = [];
  for (const s of scenarios(now)) {
    const doc = documentFor(schema, s);
    const scan = await timeLoop(() => db.query(s.sql, [organizationId]), o);
    if ('skip' in doc) {
      results.push({ name: s.name, api: null, sql: stats(scan.samples), exact: null, note: doc.skip });
      log(`  ${s.name}: ${doc.skip}; SQL scan p50 ${stats(scan.samples).p50} ms`);
      continue;
    }
    const call = async () => (await graphql<Record<string, unknown>>(api.url, doc.query, s.args, await token()))[s.field];
    let timed: { samples: number[]; last: unknown };
    try {
      timed = await timeLoop(call, o);
    } catch (error) {
      const note = `error: ${error instanceof Error ? error.message : String(error)}`;
      results.push({ name: s.name, api: null, sql: stats(scan.samples), exact: null, note, document: doc.query });
      log(`  ${s.name}: ${note}; SQL scan p50 ${stats(scan.samples).p50} ms`);
      continue;
    }
    const { exact, note } = (() => {
      try {
        return s.compare(timed.last, scan.last.rows);
      } catch (error) {
        return { exact: null, note: `not compared: ${error instanceof Error ? error.message : String(error)}` };
      }
    })();
    const result: QueryResult = { name: s.name, api: stats(timed.samples), sql: stats(scan.samples), exact, ...(note ? { note } : {}), document: doc.query };
    results.push(result);
    log(`  ${s.name}: API p50 ${result.api!.p50} / p95 ${result.api!.p95} ms (n ${result.api!.n}); SQL scan p50 ${result.sql.p50} / p95 ${result.sql.p95} ms; exact ${exact ?? '–'}${note ? ` (${note})` : ''}`);
  }
  return results;
}

/** One request per scenario, compared with one scan: do the API's numbers still equal the scan's? */
async function stillExact(api: Api, db: pg.Client, organizationId: string, now: Date): Promise<boolean | null> {
  const quick: TimingOptions = { warmup: 0, iterations: 1, minIterations: 1, budgetMs: 0 };
  const results = await measureQueries(api, db, organizationId, quick, now, true);
  const wrong = results.filter((r) => r.exact === false);
  if (wrong.length) console.log(`  after the submissions, not exact: ${wrong.map((r) => `${r.name}${r.note ? ` (${r.note})` : ''}`).join(', ')}`);
  const checked = results.filter((r) => r.exact !== null);
  return checked.length ? checked.every((r) => r.exact) : null;
}

// ---------------------------------------------------------------------------------------------
// Concurrent submissions

const SUBMIT = `mutation Submit($token: String!, $input: ResponseInput!) { submitResponse(token: $token, input: $input) { ok } }`;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A fresh OPEN customer wave with one SENT invitation per token, to contacts made for it; tokens
 * are 32 random bytes in base64url and only their sha256 hex is stored, as the API does.
 */
async function prepareSubmissions(db: pg.Client, organizationId: string, clients: number, perClient: number): Promise<{ waveId: string; tokens: string[][] }> {
  const now = new Date();
  const tag = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const waveId = await ensureWave(
    db,
    organizationId,
    { name: `Bench live submissions ${tag}`, audience: 'CUSTOMER', opensAt: new Date(now.getTime() - 86_400_000), closesAt: new Date(now.getTime() + 30 * 86_400_000), open: true },
    null,
  );
  const owners = (await db.query<{ id: string }>(`SELECT id FROM users WHERE organization_id = $1 AND 'MANAGER' = ANY(roles) ORDER BY email`, [organizationId])).rows.map((r) => r.id);
  const units = (await db.query<{ id: string }>(`SELECT id FROM org_units WHERE organization_id = $1 ORDER BY name`, [organizationId])).rows.map((r) => r.id);
  const regions = ['EU', 'US', 'CIS', 'APAC'];
  const tokens = Array.from({ length: clients }, () => Array.from({ length: perClient }, () => randomBytes(32).toString('base64url')));
  const all = tokens.flat();
  for (let start = 0; start < all.length; start += 5000) {
    const chunk = all.slice(start, start + 5000);
    const emails = chunk.map((_, i) => `bench-live-${tag}-${start + i}@bench.example`);
    const segments = chunk.map((_, i) => JSON.stringify({ region: regions[(start + i) % 4], business_area: 'Logistics', product: 'Temporary staffing' }));
    await db.query(
      `WITH c AS (
         INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments)
         SELECT $1, t.email, 'Bench live ' || t.n, 'en', ($5::uuid[])[1 + (t.n % greatest(cardinality($5::uuid[]), 1))::int],
                ($6::uuid[])[1 + (t.n % greatest(cardinality($6::uuid[]), 1))::int], t.segments::jsonb
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(email, segments, n)
         RETURNING id, email
       )
       INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status, sent_at)
       SELECT $1, $7, c.id, h.hash, 'SENT', now() FROM c JOIN unnest($2::text[], $4::text[]) AS h(email, hash) ON h.email = c.email`,
      [organizationId, emails, segments, chunk.map(sha256), owners, units, waveId],
    );
  }
  return { waveId, tokens };
}

async function submitConcurrently(api: Api, db: pg.Client, organizationId: string, o: Options, now: Date): Promise<SubmitResult> {
  const { waveId, tokens } = await prepareSubmissions(db, organizationId, o.clients, o.tokensPerClient);
  const count = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM responses WHERE organization_id = $1`, [organizationId])).rows[0].n;
  const before = await count();
  const accepted: string[] = [];
  const refused: string[] = [];
  const errors = new Map<string, number>();
  const latencies: number[] = [];
  let ranOut = 0;
  const started = performance.now();
  const deadline = started + o.submitSeconds * 1000;
  await Promise.all(
    tokens.map(async (mine, client) => {
      let i = 0;
      while (performance.now() < deadline) {
        const token = mine[i++];
        if (!token) return void ranOut++;
        const score = (client * 7 + i * 3) % 11;
        const t = performance.now();
        try {
          await graphql(api.url, SUBMIT, { token, input: { score, reason: score <= 6 ? 'Bench: slow replacements' : null, language: 'en' } });
          accepted.push(token);
        } catch (error) {
          refused.push(token);
          const message = error instanceof Error ? error.message : String(error);
          errors.set(message, (errors.get(message) ?? 0) + 1);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // A used link must not answer again.
  const again = await Promise.all(
    accepted.slice(0, 20).map((token) =>
      graphql(api.url, SUBMIT, { token, input: { score: 10, language: 'en' } }).then(
        () => false,
        (e: unknown) => e instanceof GraphQLRequestError && e.code === 'CONFLICT',
      ),
    ),
  );
  const after = await count();
  const stored = await db.query<{ accepted_stored: number; refused_stored: number; responses: number; invitations: number }>(
    `SELECT count(*) FILTER (WHERE i.token_hash = ANY($2::text[]))::int AS accepted_stored,
            count(*) FILTER (WHERE i.token_hash = ANY($3::text[]))::int AS refused_stored,
            count(*)::int AS responses, count(DISTINCT r.invitation_id)::int AS invitations
       FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE r.wave_id = $1`,
    [waveId, accepted.map(sha256), refused.map(sha256)],
  );
  const s = stored.rows[0];
  const lost = accepted.length - s.accepted_stored;
  const duplicated = s.responses - s.invitations + s.refused_stored + Math.max(0, after - before - accepted.length);
  const exactAfter = await stillExact(api, db, organizationId, now);
  const result: SubmitResult = {
    clients: o.clients,
    seconds,
    submitted: accepted.length,
    failed: refused.length,
    errors: [...errors].slice(0, 5).map(([m, n]) => `${n}× ${m}`),
    answersPerSecond: accepted.length / seconds,
    latency: stats(latencies),
    lost,
    duplicated,
    reuseRefused: again.every(Boolean),
    exactAfter,
  };
  console.log(
    `  submitResponse: ${accepted.length} answers from ${o.clients} clients in ${seconds.toFixed(1)} s = ${Math.round(result.answersPerSecond)}/s ` +
      `(p50 ${result.latency.p50} / p95 ${result.latency.p95} ms); failed ${refused.length}; responses +${after - before}; lost ${lost}; counted twice ${duplicated}; ` +
      `reuse refused ${result.reuseRefused}; aggregates exact after ${exactAfter ?? '–'}${ranOut ? `; ${ranOut} clients ran out of tokens` : ''}`,
  );
  if (errors.size) console.log(`  errors: ${result.errors.join(' | ')}`);
  return result;
}

// ---------------------------------------------------------------------------------------------

const PERFORMANCE_INTRO = `# Performance

How fast Tandem answers analytics at scale, measured by \`npm run bench\` (bench/, issue 6).

**Machine.** 2 CPU cores, PostgreSQL 15 on the same machine (127.0.0.1:5432, default settings),
Node 20. The API, PostgreSQL and the benchmark client share the two cores.

**Method.** A dedicated database (\`tandem_bench\`) is migrated and seeded with the demo by the
built API, then filled to 10,000, 100,000 and 1,000,000 answers (\`npm run bench:seed\`: 75 %
identified responses over customer, candidate and associate waves with invitations and detractor
follow-ups, 25 % anonymous employee answers; 50 org units, 20 owners, segments region,
business_area and product, the last 24 months). At each size the API is restarted, and each query
below is sent over HTTP as the demo leader, sequentially, 20 times to warm up and then up to 200
times timed (at most about 30 seconds per query, at least 20 samples); beside it the same numbers
are computed by a plain SQL scan of the responses table over a pg connection, timed the same way,
and the API's numbers are checked equal to the scan's. The GraphQL documents select every field of
the served schema (bench/results/*.json has them); a query the server does not serve yet is listed
with its SQL scan only. At the largest size, 50 concurrent clients submit answers over HTTP for 15
seconds, each with its own single-use links; afterwards every accepted answer must be stored
exactly once, a used link must be refused, and every query must still equal its scan.

**Targets** (issue 6): at 1,000,000 responses every query has p50 under 50 ms over HTTP, and its
p50 at 1,000,000 is at most 2 × its p50 at 10,000; submissions reach at least 500 answers per
second with none lost or counted twice.

Regenerated by \`npm run bench\`; the raw numbers are in \`bench/results/\`.

<!-- bench:start -->
<!-- bench:end -->
`;

function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return dirty ? `${head} with local changes` : head;
}

async function main() {
  const o = options(process.argv.slice(2));
  const notes: string[] = [];
  const startedAt = new Date();
  ensureApiBuilt(notes);
  const db = await recreateDatabase(o.serverUrl);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  console.log(`Database ${new URL(db).host}/${BENCH_DB} (recreated); starting the API once to migrate and seed the demo…`);
  await (await startApi(db, jwtSecret, dataDir)).stop();

  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const organizationId = await demoOrganization(client);
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  const sizes: SizeResult[] = [];
  let submit: SubmitResult | null = null;
  let added = 0;
  try {
    for (const [i, size] of o.sizes.entries()) {
      console.log(`\n== ${size.toLocaleString('en')} responses`);
      const seed = await seedResponses(db, size - added, (line) => console.log(`  ${line}`));
      added = size;
      const api = await startApi(db, jwtSecret, dataDir);
      try {
        const now = new Date();
        const queries = await measureQueries(api, client, organizationId, o, now);
        sizes.push({ responses: size, seed: { added: seed.added, seconds: seed.seconds, answersPerSecond: seed.answersPerSecond, bulkMode: seed.bulkMode, rollups: seed.rollups }, queries });
        if (i === o.sizes.length - 1 && o.clients > 0) submit = await submitConcurrently(api, client, organizationId, o, now);
      } finally {
        await api.stop();
      }
    }
  } finally {
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: commit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres },
    options: { sizes: o.sizes, warmup: o.warmup, iterations: o.iterations, submitSeconds: o.submitSeconds, clients: o.clients },
    sizes,
    submit,
    notes,
  };
  const json = resolve(REPO_ROOT, 'bench/results', resultsFileName(results.startedAt, o.sizes));
  writeJson(json, results);
  updateDoc(resolve(REPO_ROOT, 'docs/performance.md'), results, PERFORMANCE_INTRO);
  console.log(`\nResults: ${json}\nTable: docs/performance.md (the database ${BENCH_DB} is kept for inspection)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
