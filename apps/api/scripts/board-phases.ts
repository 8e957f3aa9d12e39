/**
 * Where the board's time goes (issue 6's target, "every query under 50 ms p50 at 1,000,000
 * answers"). Not a test: run it by hand against a seeded bench database, e.g.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/tandem_bench_breakdown nice -n 10 npx tsx scripts/board-phases.ts
 *
 * In process, as the demo leader, on the current quarter: the bench's document (every field, built
 * from schema.graphql), the web board page's document, and the board with one field at a time
 * (ROUNDS rounds after 3 warm-up rounds, interleaved). p50 in ms per document, then every SQL
 * statement of one execution of the full document with its duration (the pg client's query, so the
 * time a statement held its connection), slowest first. SQL=1 prints the statements' texts.
 */
import 'reflect-metadata';
import { benchLeader } from './bench-leader.js';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { execute, parse } from 'graphql';

const ROUNDS = Number(process.env.ROUNDS ?? 15);

// Every statement's text and time, while `log` is set.
let log: { sql: string; ms: number; params: unknown }[] | null = null;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const started = performance.now();
  const result = query.apply(this, args);
  const first = args[0] as string | { text?: string };
  const sql = typeof first === 'string' ? first : (first?.text ?? '?');
  if (log && result instanceof Promise) {
    const entries = log;
    result.then(() => entries.push({ sql, ms: performance.now() - started, params: typeof first === 'string' ? args[1] : (first as { values?: unknown }).values }), () => undefined);
  }
  return result;
};

const { db, schema, services, context } = await benchLeader({ poolSize: 10, requestId: 'board-phases' });

const S = 'band ciHigh ciLow detractors hiddenReason marginOfError nps passives promoters responses suppressed';
const THEME = 'count share theme { audiences description id keywords { language words } name nameTranslations { language text } }';
const WAVE = 'anonymous audience closedAt closesAt createdAt id invited kind languages maxReminders name openedAt opensAt reminderAfterDays responded responseRate scoreDistribution sendDelayMinutes status touchpoint';
const USER = 'email id language name roles totpEnabled';
const fields: Record<string, string> = {
  'scalars (period, follow-ups, improvements)': 'period previousPeriod from to followUpsOpen followUpsOverdue improvementsByStatus { count status }',
  audiences: `audiences { audience benchmarks { audience createdAt id name source value } previous { ${S} } responseRate significantChange summary { ${S} } target targetProgress targetReached trend { from label period significantChange summary { ${S} } to } }`,
  'discussions (web: counts, wave id name audience)': 'discussions { waveId teams held share actions actionsDone actionsOverdue wave { id name audience } }',
  'discussions.wave (every field)': `discussions { waveId wave { ${WAVE} latestComments { category language reason score submittedAt suggestion } mailing { bounced createdAt failed failures { attempts contactId email error invitationId name state } finishedAt id kind queued retrying sent state total waveId } publicTitles { language text } questions { criterion id kind texts { language text } } stages { analysis firstReaction improvements survey } summary { ${S} } } }`,
  'discussions.wave.summary': `discussions { waveId wave { id summary { ${S} } } }`,
  'discussions.wave.latestComments': 'discussions { waveId wave { id latestComments { category language reason score submittedAt suggestion } } }',
  'discussions.wave.stages': 'discussions { waveId wave { id stages { analysis firstReaction improvements survey } } }',
  'discussions.wave.scoreDistribution': 'discussions { waveId wave { id scoreDistribution } }',
  'discussions.wave.mailing': 'discussions { waveId wave { id mailing { bounced createdAt failed failures { attempts contactId email error invitationId name state } finishedAt id kind queued retrying sent state total waveId } } }',
  'discussions.teamRows': `discussions { waveId teamRows { actions actionsDone actionsOverdue discussion { actions { audience canEdit createdAt description dueDate id implementedAt nextStatuses overdue status title } createdAt heldOn id notes orgUnit { id name } orgUnitId participants publish recordedBy { ${USER} } updatedAt wave { ${WAVE} } waveId } orgUnit { id manager { ${USER} } name } orgUnitId } }`,
  followUpSla: 'followUpSla { byOwner { closedInTime decided id name share } byWave { closedInTime decided id name share } closedInTime decided share }',
  revenueAtRisk: 'revenueAtRisk { answered audience byOrgUnit { id name nps value valueAtRisk valued weightedNps } byOwner { id name nps value valueAtRisk valued weightedNps } coverage nps valueAnswered valueAtRisk valueTotal valued weightedNps }',
  topThemes: `topThemes { amongDetractors { ${THEME} } amongPromoters { ${THEME} } audience mentioned { ${THEME} } suppressed }`,
};
const web = `query Board($period: PeriodInput) { organization { id anonymityThreshold } board(period: $period) { period previousPeriod from to followUpsOpen followUpsOverdue improvementsByStatus { status count }
  audiences { audience responseRate significantChange target targetReached targetProgress summary { ${S} } previous { nps suppressed } benchmarks { id name value source } trend { period label significantChange summary { ${S} } } }
  topThemes { audience amongDetractors { count share theme { id name nameTranslations { language text } } } amongPromoters { count share theme { id name nameTranslations { language text } } } }
  followUpSla { decided closedInTime share byWave { id name decided closedInTime share } byOwner { id name decided closedInTime share } }
  discussions { waveId teams held share actions actionsDone actionsOverdue wave { id name audience } }
  revenueAtRisk(audience: CUSTOMER, top: 5) { answered valued valueAnswered valueAtRisk valueTotal coverage weightedNps nps byOrgUnit { id name valued value valueAtRisk weightedNps } byOwner { id name valued value valueAtRisk weightedNps } } } }`;
const documents = new Map<string, string>([
  ['bench document (every field)', `query Bench($period: PeriodInput) { board(period: $period) { ${Object.values(fields).filter((_, i) => i !== 2 && i < 4 || i >= 9).join(' ')} } }`],
  ['web board page', web],
  ...Object.entries(fields).map(([name, selection]) => [`board { ${name} }`, `query One($period: PeriodInput) { board(period: $period) { ${selection} } }`] as [string, string]),
]);
const now = services.now();
const period = { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };

async function run(text: string) {
  const result = await execute({ schema, document: parse(text), contextValue: context(), variableValues: { period } });
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result;
}

const times = new Map([...documents.keys()].map((k) => [k, [] as number[]]));
for (let round = 0; round < 3 + ROUNDS; round++) {
  for (const [name, text] of documents) {
    const started = performance.now();
    await run(text);
    if (round >= 3) times.get(name)!.push(performance.now() - started);
  }
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`period ${period.year}-Q${period.quarter}, ${ROUNDS} rounds\n\n| document | p50 ms | statements |\n| --- | ---: | ---: |`);
for (const [name, text] of documents) {
  log = [];
  await run(text);
  const n = log.length;
  log = null;
  console.log(`| ${name} | ${p50(times.get(name)!).toFixed(1)} | ${n} |`);
}

log = [];
await run(documents.get('bench document (every field)')!);
const statements = log;
log = null;
const bySql = new Map<string, { n: number; ms: number; max: number }>();
for (const s of statements) {
  const key = s.sql.replace(/\s+/g, ' ').trim();
  const e = bySql.get(key) ?? { n: 0, ms: 0, max: 0 };
  e.n++;
  e.ms += s.ms;
  e.max = Math.max(e.max, s.ms);
  bySql.set(key, e);
}
console.log(`\nStatements of one full execution: ${statements.length}, distinct ${bySql.size}\n\n| n | total ms | max ms | statement |\n| ---: | ---: | ---: | --- |`);
for (const [sql, e] of [...bySql].sort((a, b) => b[1].max - a[1].max))
  console.log(`| ${e.n} | ${e.ms.toFixed(1)} | ${e.max.toFixed(1)} | ${process.env.SQL ? sql : sql.slice(0, 160)} |`);
if (process.env.EXPLAIN) {
  // EXPLAIN (ANALYZE, BUFFERS) of the statements over 20 ms, with their parameters, one at a time.
  for (const s of statements.filter((s) => s.ms > 20).sort((a, b) => b.ms - a.ms)) {
    const plan: { 'QUERY PLAN': string }[] = await db.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params as unknown[]);
    console.log(`\n### ${s.ms.toFixed(1)} ms in the run\n\n${s.sql.trim()}\n-- ${JSON.stringify(s.params)}\n\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
  }
}
await db.close();
