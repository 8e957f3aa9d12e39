/** The results of a run: their JSON file, and the Markdown table in docs/performance.md. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Stats } from './measure.js';

export interface QueryResult {
  /** e.g. "npsSummary (region EU)" */
  name: string;
  /** Over HTTP; null when the server does not serve the operation. */
  api: Stats | null;
  /** The same numbers by a plain SQL scan, over a pg connection. */
  sql: Stats;
  /** The API's numbers equal the scan's; null when not compared. */
  exact: boolean | null;
  note?: string;
  /** The GraphQL document sent (selection generated from the served schema). */
  document?: string;
}

export interface SizeResult {
  /** Answers the bench added in total (responses + employee answers), besides the demo's. */
  responses: number;
  seed: {
    added: number;
    seconds: number;
    answersPerSecond: number;
    bulkMode: string;
    rollups: string;
    /** The releases of the closed employee waves; absent from runs before employee releases. */
    releases?: string;
    /** Every release equals a recount of the answers it was made from. */
    releasesExact?: boolean | null;
  } | null;
  queries: QueryResult[];
}

export interface SubmitResult {
  clients: number;
  seconds: number;
  /** submitResponse calls answered ok. */
  submitted: number;
  /** Calls answered with an error (with the first few messages in `errors`). */
  failed: number;
  errors: string[];
  answersPerSecond: number;
  latency: Stats;
  /** Accepted answers missing from the database (should be 0). */
  lost: number;
  /** Answers stored more than once, or tokens used twice (should be 0). */
  duplicated: number;
  /** A used token submitted again was refused every time. */
  reuseRefused: boolean;
  /** After the submissions, every analytics query still equals its SQL scan. */
  exactAfter: boolean | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  options: { sizes: number[]; warmup: number; iterations: number; submitSeconds: number; clients: number };
  sizes: SizeResult[];
  submit: SubmitResult | null;
  notes: string[];
}

export const TARGETS = { p50Ms: 50, atSize: 1_000_000, baseSize: 10_000, growth: 2, answersPerSecond: 500 };

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));

/** Whether a query at the target size meets the targets, and why not. "–" below the target size. */
export function targetVerdict(results: BenchResults, size: SizeResult, query: QueryResult): string {
  if (size.responses !== TARGETS.atSize) return '–';
  if (!query.api) return 'no: not served';
  const misses: string[] = [];
  if (query.api.p50 >= TARGETS.p50Ms) misses.push(`p50 ≥ ${TARGETS.p50Ms} ms`);
  const base = results.sizes.find((s) => s.responses === TARGETS.baseSize)?.queries.find((q) => q.name === query.name)?.api;
  if (base) {
    const growth = query.api.p50 / base.p50;
    if (growth > TARGETS.growth) misses.push(`p50 ${growth.toFixed(1)}× the ${fmt(TARGETS.baseSize)} one`);
  } else {
    misses.push(`no ${fmt(TARGETS.baseSize)} run to compare`);
  }
  if (query.exact === false) misses.push('not exact');
  return misses.length ? `no: ${misses.join('; ')}` : 'yes';
}

export function submitVerdict(s: SubmitResult): string {
  const misses: string[] = [];
  if (s.answersPerSecond < TARGETS.answersPerSecond) misses.push(`< ${TARGETS.answersPerSecond}/s`);
  if (s.lost > 0) misses.push(`${s.lost} lost`);
  if (s.duplicated > 0) misses.push(`${s.duplicated} counted twice`);
  if (!s.reuseRefused) misses.push('a used token was accepted again');
  if (s.exactAfter === false) misses.push('aggregates not exact afterwards');
  return misses.length ? `no: ${misses.join('; ')}` : 'yes';
}

/** The Markdown that goes between the markers in docs/performance.md. */
export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const sizes = r.options.sizes.map(fmt).join(', ');
  lines.push(
    `Run of ${r.startedAt.slice(0, 10)} at ${sizes} responses (commit ${r.commit}); ${r.machine.cpus} × ${r.machine.cpuModel}, ` +
      `PostgreSQL ${r.machine.postgres}, Node ${r.machine.node}. Milliseconds, p50 / p95 of up to ${r.options.iterations} sequential ` +
      `requests after ${r.options.warmup} warm-up requests each.`,
    '',
    '| query | responses | API p50 | API p95 | SQL scan p50 | SQL scan p95 | exact | target met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: | --- |',
  );
  const names = [...new Set(r.sizes.flatMap((s) => s.queries.map((q) => q.name)))];
  for (const name of names) {
    for (const size of r.sizes) {
      const q = size.queries.find((x) => x.name === name);
      if (!q) continue;
      const exact = q.exact === null ? '–' : q.exact ? 'yes' : '**no**';
      const api = q.api ? [ms(q.api.p50), ms(q.api.p95)] : ['–', '–'];
      const verdict = targetVerdict(r, size, q);
      const note = q.note ? ` (${q.note})` : '';
      lines.push(`| ${name}${note} | ${fmt(size.responses)} | ${api[0]} | ${api[1]} | ${ms(q.sql.p50)} | ${ms(q.sql.p95)} | ${exact} | ${verdict} |`);
    }
  }
  const seeded = r.sizes.filter((s) => s.seed && s.seed.added > 0);
  if (seeded.length) {
    lines.push('', '| seeding | answers added | seconds | answers/s | mode |', '| --- | ---: | ---: | ---: | --- |');
    for (const s of seeded) {
      const mode = [s.seed!.bulkMode, s.seed!.rollups, s.seed!.releases].filter(Boolean).join('; ');
      lines.push(`| to ${fmt(s.responses)} | ${fmt(s.seed!.added)} | ${s.seed!.seconds.toFixed(1)} | ${fmt(Math.round(s.seed!.answersPerSecond))} | ${mode} |`);
    }
  }
  if (r.submit) {
    const s = r.submit;
    lines.push(
      '',
      '| submitResponse | clients | seconds | answers | answers/s | p50 / p95 ms | lost | counted twice | aggregates exact after | target met |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | --- |',
      `| at ${fmt(r.sizes.at(-1)?.responses ?? 0)} | ${s.clients} | ${s.seconds.toFixed(1)} | ${fmt(s.submitted)} | ${fmt(Math.round(s.answersPerSecond))} | ` +
        `${ms(s.latency.p50)} / ${ms(s.latency.p95)} | ${s.lost} | ${s.duplicated} | ${s.exactAfter === null ? '–' : s.exactAfter ? 'yes' : '**no**'} | ${submitVerdict(s)} |`,
    );
  }
  for (const note of r.notes) lines.push('', `- ${note}`);
  return lines.join('\n');
}

export const MARKERS = { start: '<!-- bench:start -->', end: '<!-- bench:end -->' };

/** The document with the text between the markers replaced (markers appended when missing). */
export function replaceBetweenMarkers(doc: string, content: string): string {
  const start = doc.indexOf(MARKERS.start);
  const end = doc.indexOf(MARKERS.end);
  const block = `${MARKERS.start}\n${content}\n${MARKERS.end}`;
  if (start === -1 || end === -1 || end < start) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + MARKERS.end.length);
}

export function writeJson(path: string, results: BenchResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

/** docs/performance.md as it starts when it does not exist yet: how the figures are made and what they are held to. */
export const PERFORMANCE_INTRO = `# Performance

How fast Tandem answers analytics at scale, measured by \`npm run bench\` (bench/, issue 6).

**Machine.** 2 CPU cores, PostgreSQL 15 on the same machine (127.0.0.1:5432, default settings),
Node 20. The API, PostgreSQL and the benchmark client share the two cores.

**Method.** A dedicated database (\`tandem_bench\`) is migrated and seeded with the demo by the
built API, then filled to 10,000, 100,000 and 1,000,000 answers (\`npm run bench:seed\`: 75 %
identified responses over customer, candidate and associate waves with invitations and detractor
follow-ups, 25 % anonymous employee answers over eight quarterly eNPS waves; 50 org units, 20
owners, segments region, business_area and product, the last 24 months). Employee answers are
stored as the product stores them (participations with the wave's roster snapshot; answers with
no id, date or category), and every closed employee wave is then released by the API's own
\`makeRelease\`, as \`closeWave\` does: the release is computed, audited and stored, and the wave's
answers deleted. Each release's whole-wave counts are checked equal to a recount of the answers it
was made from; a released wave that grows at the next size gets its earlier answers generated
again (the same rows) and is released anew. At each size the API is restarted, and each query
below is sent over HTTP as the demo leader, sequentially, 20 times to warm up and then up to 200
times timed (at most about 30 seconds per query, at least 20 samples); beside it the same numbers
are computed by a plain SQL scan of the responses table over a pg connection, timed the same way,
and the API's numbers are checked equal to the scan's. Employee results exist only as releases, so
the board's employee rows are compared with the releases' whole-wave groups, by the month their
wave closed. The GraphQL documents select every field of
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

/** Regenerates the table in the performance document (creating it from `intro` when missing). */
export function updateDoc(path: string, results: BenchResults, intro: string): void {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : intro;
  writeFileSync(path, replaceBetweenMarkers(doc, renderMarkdown(results)));
}

/** bench/results/<date>-<sizes>.json, e.g. 2026-11-23-10k-100k-1m.json */
export function resultsFileName(startedAt: string, sizes: number[]): string {
  const short = (n: number) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
  return `${startedAt.slice(0, 10)}-${sizes.map(short).join('-')}.json`;
}
