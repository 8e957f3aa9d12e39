/**
 * Employee results exist only as releases (migration EmployeeReleases, docs/anonymity.md): when an
 * employee wave closes, the API computes its release from the participations and answers, audits
 * it, stores it and deletes the answers. The bench has the release of each closed employee wave it
 * seeded made by the API's own code from its build — makeRelease, what closeWave calls — and checks
 * it: the release's whole-wave group must equal a recount of the answers it was made from, and
 * those answers must be gone afterwards.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { requireApiModule, withApiDataSource } from './api-build.js';
import type { Counts } from './scenarios/scenario.js';

interface Audit {
  method: string;
  cells: number;
  groups: number;
  released: number;
  hiddenBelowThreshold: number;
  hiddenToProtect: number;
}
interface ReleaseDeps {
  db: unknown;
  logger: { info(...args: unknown[]): void; error(...args: unknown[]): void; warn(...args: unknown[]): void; debug(...args: unknown[]): void };
  threshold(organizationId: string): Promise<number>;
  now(): Date;
}
type MakeRelease = (deps: ReleaseDeps, organizationId: string, waveId: string) => Promise<{ audit: Audit } | null>;
type FreezeThemeCatalogue = (tx: { query(sql: string, params?: unknown[]): Promise<unknown> }, organizationId: string, waveId: string) => Promise<void>;

/**
 * Freezes an employee wave's theme catalogue as openWave does (reporting/anonymity/catalogue.js):
 * its release counts only the themes there were when it opened. Idempotent.
 */
export async function freezeThemeCatalogue(db: pg.ClientBase, organizationId: string, waveId: string, apiDist: string): Promise<void> {
  const { freezeThemeCatalogue: freeze } = await requireApiModule<{ freezeThemeCatalogue: FreezeThemeCatalogue }>(apiDist, 'reporting/anonymity/catalogue.js');
  await freeze({ query: async (sql, params) => (await db.query(sql, params)).rows }, organizationId, waveId);
}

/** SQL: a wave's answers, staged or not, counted by category (the release's own bands: 9–10, 7–8, 0–6). */
export const ANSWER_COUNTS_SQL = `
  SELECT count(*)::int AS responses, count(*) FILTER (WHERE score >= 9)::int AS promoters,
         count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives, count(*) FILTER (WHERE score <= 6)::int AS detractors
    FROM (SELECT score FROM employee_answers WHERE organization_id = $1 AND wave_id = $2
          UNION ALL
          SELECT score FROM employee_answer_staging WHERE organization_id = $1 AND wave_id = $2) a`;

/** SQL: the whole-wave group of a wave's release (key 'all', reporting/anonymity/release/groups.ts). */
export const WHOLE_WAVE_SQL = `
  SELECT released, responses, promoters, passives, detractors FROM employee_release_groups
   WHERE organization_id = $1 AND wave_id = $2 AND key = 'all'`;

export interface ReleaseCheck {
  /** The answers the release was made from, recounted before it. */
  answers: Counts;
  /** Its whole-wave group; null when hidden (fewer than k answers) or missing. */
  released: Counts | null;
  /** Answers of the wave left in employee_answers or staging after the release (must be 0). */
  left: number;
}

/** A release is exact when its whole-wave group equals the recount and the answers are gone; a hidden whole wave is exact only with fewer than k answers. */
export function releaseExact(check: ReleaseCheck, k: number): boolean {
  if (check.left !== 0) return false;
  if (!check.released) return check.answers.responses < k;
  return (['responses', 'promoters', 'passives', 'detractors'] as const).every((key) => check.released![key] === check.answers[key]);
}

export interface ReleasesResult {
  waves: number;
  seconds: number;
  /** Every release equals the recount of its answers (releaseExact); null when nothing was released. */
  exact: boolean | null;
  /** One line for the seeding table. */
  note: string;
}

interface Released {
  audits: Audit[];
  /** Releases that differ from the recount of their answers, described. */
  wrong: string[];
  /** What the API logged as errors (a release refused by its audit). */
  refused: string[];
}

/** Makes the releases of `waveIds` one after another, as the API would, each checked against a recount of its answers. */
async function releaseInTurn(databaseUrl: string, organizationId: string, waveIds: string[], apiDist: string, k: number): Promise<Released> {
  const { makeRelease } = await requireApiModule<{ makeRelease: MakeRelease }>(apiDist, 'reporting/anonymity/release/service.js');
  const out: Released = { audits: [], wrong: [], refused: [] };
  const logger: ReleaseDeps['logger'] = {
    info() {},
    debug() {},
    warn: (...args) => console.warn(...args),
    error: (obj, message) => out.refused.push(`${String(message)}: ${JSON.stringify(obj)}`),
  };
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await withApiDataSource(databaseUrl, apiDist, async (dataSource) => {
      const deps: ReleaseDeps = { db: dataSource.manager, logger, threshold: async () => k, now: () => new Date() };
      for (const waveId of waveIds) {
        const answers = (await db.query<Counts>(ANSWER_COUNTS_SQL, [organizationId, waveId])).rows[0];
        const made = await makeRelease(deps, organizationId, waveId);
        if (!made) throw new Error(`wave ${waveId} was not released (not closed, or released already)`);
        out.audits.push(made.audit);
        const group = (await db.query<Counts & { released: boolean }>(WHOLE_WAVE_SQL, [organizationId, waveId])).rows[0];
        const left = (await db.query<Counts>(ANSWER_COUNTS_SQL, [organizationId, waveId])).rows[0].responses;
        const check: ReleaseCheck = { answers, released: group?.released ? group : null, left };
        if (!releaseExact(check, k)) out.wrong.push(`${waveId}: answers ${JSON.stringify(answers)}, release ${JSON.stringify(check.released)}, ${left} answers left`);
      }
    });
  } finally {
    await db.end();
  }
  return out;
}

const WORKER_FLAG = '--release-worker';

/**
 * The audit is synchronous WebAssembly, so one process makes one release at a time: with
 * `workers` > 1 the waves are dealt round-robin to that many child processes (this file, run with
 * the same loader), each making its share in turn.
 */
async function releaseInWorkers(args: { databaseUrl: string; organizationId: string; waveIds: string[]; apiDist: string; k: number }, workers: number): Promise<Released> {
  const shares = Array.from({ length: Math.min(workers, args.waveIds.length) }, (_, w) => args.waveIds.filter((_, i) => i % workers === w));
  const results = await Promise.all(
    shares.map(
      (waveIds) =>
        new Promise<Released>((done, fail) => {
          const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), WORKER_FLAG, JSON.stringify({ ...args, waveIds })], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let stdout = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.on('error', fail);
          child.on('exit', (code) => {
            const last = stdout.trim().split('\n').at(-1) ?? '';
            if (code === 0 && last.startsWith('{')) done(JSON.parse(last) as Released);
            else fail(new Error(`a release worker exited with ${code}: ${stdout.trim().slice(-500)}`));
          });
        }),
    ),
  );
  return { audits: results.flatMap((r) => r.audits), wrong: results.flatMap((r) => r.wrong), refused: results.flatMap((r) => r.refused) };
}

/**
 * Makes the releases of the given closed employee waves (those without one) as the API would, on
 * `workers` processes, each checked against a recount of its answers.
 */
export async function makeReleases(db: pg.ClientBase, databaseUrl: string, organizationId: string, waveIds: string[], apiDist: string, workers = 1): Promise<ReleasesResult> {
  if (waveIds.length === 0) return { waves: 0, seconds: 0, exact: null, note: 'no employee wave to release' };
  const { effectiveThreshold } = await requireApiModule<{ effectiveThreshold(configured: number | null | undefined): number }>(apiDist, 'identity/organizations/anonymity-threshold.js');
  const settings = await db.query<{ k: number | null }>(`SELECT (settings ->> 'anonymityThreshold')::int AS k FROM organizations WHERE id = $1`, [organizationId]);
  const k = effectiveThreshold(settings.rows[0]?.k);
  const started = performance.now();
  const { audits, wrong, refused } =
    workers > 1 && waveIds.length > 1
      ? await releaseInWorkers({ databaseUrl, organizationId, waveIds, apiDist, k }, workers)
      : await releaseInTurn(databaseUrl, organizationId, waveIds, apiDist, k);
  const seconds = (performance.now() - started) / 1000;
  if (refused.length) console.warn(refused.join('\n'));
  if (wrong.length) console.warn(`releases not equal to their answers:\n${wrong.join('\n')}`);
  const methods = [...new Set(audits.map((a) => a.method))].join(' and ');
  const cells = audits.map((a) => a.cells);
  const hidden = audits.reduce((n, a) => n + a.hiddenBelowThreshold + a.hiddenToProtect, 0);
  const groups = audits.reduce((n, a) => n + a.groups, 0);
  const note =
    `released ${waveIds.length} employee wave${waveIds.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s on ${Math.min(workers, waveIds.length)} process${workers > 1 && waveIds.length > 1 ? 'es' : ''} ` +
    `(${methods} audit of ${Math.min(...cells).toLocaleString('en')}–${Math.max(...cells).toLocaleString('en')} cells; ${hidden.toLocaleString('en')} of ${groups.toLocaleString('en')} groups hidden; ` +
    `whole-wave counts ${wrong.length ? `**differ** from the answers for ${wrong.length}` : 'equal the answers'})`;
  return { waves: waveIds.length, seconds, exact: wrong.length === 0, note };
}

if (process.argv[2] === WORKER_FLAG && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = JSON.parse(process.argv[3]) as { databaseUrl: string; organizationId: string; waveIds: string[]; apiDist: string; k: number };
  releaseInTurn(args.databaseUrl, args.organizationId, args.waveIds, args.apiDist, args.k).then(
    (released) => console.log(JSON.stringify(released)),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
