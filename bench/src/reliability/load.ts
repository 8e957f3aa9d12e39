/**
 * `npm run load -w @tandem/bench -- [--minutes 10] [--respondents 200] [--dashboards 20] [--think-ms 3000]
 *   [--database-url URL] [--restart-db "<command>"] [--restart-at-s 30] [--links N]` (issue 21)
 *
 * Load and faults against ONE API process (the build, production mode) on the embedded database or
 * a fresh database at --database-url. A customer wave gets N invited contacts (their links read from
 * the outbox). Then, for --minutes:
 *  - each of --respondents virtual respondents takes the next unused link, opens its page
 *    (GET /s/<token>, then surveyByToken), waits --think-ms, and submits an answer with a submission
 *    id of its own; a submit that fails for the network, a 5xx or OVERLOADED is retried with the SAME
 *    id (as the respondent's page does) until it is ok or 2 minutes have passed;
 *  - each of --dashboards users reads the board and an npsSummary, one after the other, without pause;
 *  - /readyz is polled every 250 ms.
 * With --restart-db, that shell command runs --restart-at-s seconds in (e.g. for DATABASE_URL:
 * `pg_ctlcluster --skip-systemctl-redirect 15 main restart`). At the end every answer the server
 * accepted (ok) must be stored exactly once: accepted = stored, lost = 0.
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { graphql } from '../http.js';
import { REPO_ROOT } from '../seed.js';
import { invitedWave, login, option, percentile, sleep, startApiProcess } from './kit.js';

const SURVEY = `query($token: String!) { surveyByToken(token: $token) { title alreadyAnswered closed questions { kind min max } } }`;
const SUBMIT = `mutation($token: String!, $input: ResponseInput!, $submissionId: String) { submitResponse(token: $token, input: $input, submissionId: $submissionId) { ok } }`;
const BOARD = `query { board { audiences { audience summary { nps responses } } } }`;
const SUMMARY = `query { npsSummary(filter: { audience: CUSTOMER }) { nps responses promoters detractors } }`;

interface Outcome {
  ok: boolean;
  ms: number;
  status: number;
  code: string | null;
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json().catch(() => null)) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } | null;
    const code = body?.errors?.[0]?.extensions?.code ?? (response.ok && body?.data ? null : `HTTP_${response.status}`);
    return { ok: code === null, ms: performance.now() - started, status: response.status, code };
  } catch (error) {
    return { ok: false, ms: performance.now() - started, status: 0, code: (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK' };
  }
}

const RETRYABLE = new Set(['NETWORK', 'TIMEOUT', 'OVERLOADED', 'INTERNAL_SERVER_ERROR', 'HTTP_502', 'HTTP_503', 'HTTP_504', 'HTTP_500']);

async function main() {
  const minutes = Number(option('minutes', '10'));
  const respondents = Number(option('respondents', '200'));
  const dashboards = Number(option('dashboards', '20'));
  const thinkMs = Number(option('think-ms', '3000'));
  const databaseUrl = option('database-url', '') || null;
  const restartCommand = option('restart-db', '');
  const restartAtS = Number(option('restart-at-s', '30'));
  const durationMs = minutes * 60_000;
  const links = Number(option('links', String(Math.ceil((respondents * durationMs) / (thinkMs + 400) * 1.1))));

  console.log(`Starting the API (${databaseUrl ? 'PostgreSQL' : 'embedded database'})…`);
  const api = await startApiProcess({ databaseUrl, name: 'tandem_bench_load' });
  try {
    const cx = await login(api.url, 'cx@demo.test');
    console.log(`Inviting ${links} contacts…`);
    const setupStarted = Date.now();
    const { waveId, tokens } = await invitedWave(api, cx, links, 'load');
    console.log(`${tokens.length} links ready in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s; running ${minutes} min with ${respondents} respondents and ${dashboards} dashboard users.`);
    // Dashboard users: CX leads reading the customer board (each with a session of its own).
    const readers = await Promise.all(Array.from({ length: Math.max(1, dashboards) }, () => login(api.url, 'cx@demo.test')));

    const samples: Record<string, number[]> = { page: [], survey: [], submit: [], dashboard: [] };
    const errors: Record<string, number> = {};
    const fail = (kind: string, code: string | null) => (errors[`${kind}:${code}`] = (errors[`${kind}:${code}`] ?? 0) + 1);
    const accepted = new Set<string>();
    let retries = 0;
    let abandoned = 0;
    let conflicts = 0;
    let next = 0;
    const started = Date.now();
    const running = () => Date.now() - started < durationMs;

    // ready: 200; unavailable: 503 (the database is not reachable); slow: no answer within 5 s (busy).
    const readiness: { at: number; state: 'ready' | 'unavailable' | 'slow' | 'down' }[] = [];
    const pollReady = (async () => {
      let last: string | null = null;
      while (running()) {
        const state = await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(5000) })
          .then((r) => (r.ok ? 'ready' : r.status === 503 ? 'unavailable' : 'down') as 'ready' | 'unavailable' | 'down')
          .catch((error: Error) => (error.name === 'TimeoutError' ? 'slow' : 'down') as 'slow' | 'down');
        if (state !== last) readiness.push({ at: Number(((Date.now() - started) / 1000).toFixed(1)), state });
        last = state;
        await sleep(250);
      }
    })();

    let restartedAt: number | null = null;
    const fault = restartCommand
      ? (async () => {
          await sleep(restartAtS * 1000);
          restartedAt = (Date.now() - started) / 1000;
          console.log(`t=${restartedAt.toFixed(1)} s: ${restartCommand}`);
          execSync(restartCommand, { stdio: 'inherit', shell: '/bin/sh' });
          console.log(`t=${((Date.now() - started) / 1000).toFixed(1)} s: restart command done`);
        })()
      : Promise.resolve();

    const respondent = async () => {
      while (running() && next < tokens.length) {
        const token = tokens[next++]!;
        const page = performance.now();
        const html = await fetch(`${api.url}/s/${token}`, { headers: { accept: 'text/html', 'accept-encoding': 'br' } }).then((r) => r.ok).catch(() => false);
        samples.page!.push(performance.now() - page);
        if (!html) fail('page', 'FAILED');
        const survey = await post(api.url, SURVEY, { token });
        samples.survey!.push(survey.ms);
        if (!survey.ok) fail('survey', survey.code);
        await sleep(thinkMs * (0.5 + Math.random()));
        const submissionId = randomUUID();
        const input = { score: Math.floor(Math.random() * 11), reason: Math.random() < 0.3 ? 'Load test comment' : null };
        const giveUp = Date.now() + 120_000;
        for (let attempt = 0; ; attempt++) {
          const submit = await post(api.url, SUBMIT, { token, input, submissionId });
          samples.submit!.push(submit.ms);
          if (submit.ok) {
            accepted.add(token);
            break;
          }
          fail('submit', submit.code);
          if (submit.code === 'CONFLICT') conflicts++;
          if (!RETRYABLE.has(submit.code ?? '') || Date.now() > giveUp) {
            abandoned++;
            break;
          }
          retries++;
          await sleep(Math.min(8000, 500 * 2 ** attempt));
        }
      }
    };
    const dashboard = async (i: number) => {
      const token = readers[i % readers.length]!;
      while (running()) {
        for (const query of [BOARD, SUMMARY]) {
          const res = await post(api.url, query, {}, token);
          samples.dashboard!.push(res.ms);
          if (!res.ok) fail('dashboard', res.code);
        }
      }
    };

    await Promise.all([...Array.from({ length: respondents }, respondent), ...Array.from({ length: dashboards }, (_, i) => dashboard(i)), pollReady, fault]);
    const elapsedS = (Date.now() - started) / 1000;
    // The server settles (a restart may still be recovering), then the stored answers are counted.
    let stored = -1;
    for (let i = 0; i < 60 && stored < 0; i++) {
      stored = await graphql<{ responses: { totalCount: number } }>(api.url, `query($w: [ID!]) { responses(filter: { waveIds: $w }) { totalCount } }`, { w: [waveId] }, cx)
        .then((d) => d.responses.totalCount)
        .catch(() => -1);
      if (stored < 0) await sleep(1000);
    }
    const stat = (values: number[]) => ({ count: values.length, p50: Math.round(percentile(values, 50)), p95: Math.round(percentile(values, 95)), p99: Math.round(percentile(values, 99)) });
    const unavailable = readiness.filter((r) => r.state === 'unavailable').map((r) => r.at);
    const summary = {
      date: new Date().toISOString(),
      database: api.database,
      minutes,
      elapsedS: Math.round(elapsedS),
      respondents,
      dashboards,
      thinkMs,
      linksUsed: Math.min(next, tokens.length),
      linksAvailable: tokens.length,
      latencyMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stat(v)])),
      answersPerSecond: Number((accepted.size / elapsedS).toFixed(1)),
      errors,
      retries,
      abandoned,
      conflicts,
      accepted: accepted.size,
      stored,
      lost: accepted.size - stored,
      restart: restartCommand ? { command: restartCommand, at: restartedAt, readyzTimeline: readiness, readyz503Seen: unavailable.length > 0, recovered: readiness.at(-1)?.state === 'ready' } : null,
    };
    console.log(JSON.stringify(summary, null, 2));
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    const file = resolve(REPO_ROOT, `bench/results/${summary.date.slice(0, 10)}-load-${restartCommand ? 'db-restart' : 'steady'}-${minutes}min.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    if (summary.lost !== 0 || conflicts > 0) {
      console.error(`FAILED: ${summary.lost} accepted answers not stored, ${conflicts} CONFLICTs on retries`);
      process.exitCode = 1;
    }
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
