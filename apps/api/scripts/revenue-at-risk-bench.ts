/**
 * What Board.revenueAtRisk costs (issue 19), before and after latest_answers. Not a test: run it by
 * hand on a scratch PostgreSQL database (it creates an organization of its own there, and leaves it)
 * and note the result in docs/performance.md.
 *
 *   createdb -h 127.0.0.1 -U postgres rar_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rar_bench nice -n 10 npx tsx scripts/revenue-at-risk-bench.ts
 *
 * The data of the earlier measurement: 1,000,000 answers over the two years up to now, 80 % CUSTOMER
 * (the rest CANDIDATE and ASSOCIATE), 100,000 contacts (70 % with an annual value), 57 org units,
 * 200 owners; loaded with triggers off (session_replication_role = replica: needs a superuser), then
 * rebuildRollups (which rebuilds latest_answers, as the migration's backfill does), VACUUM ANALYZE.
 * Then, p50 of 5 runs each, for a quarter and a year: a plain count of the period's answers (the
 * baseline), the statement the card ran before (every answer of the period, DISTINCT ON per contact)
 * and the one it runs now (valueRows: latest_answers' rows of the period), after checking that both
 * give the same figures. Last, what the triggers cost a single answer's insert: A/B rounds of 100
 * single-answer INSERTs with latest_answers' triggers enabled and disabled.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/data-source.js';
import { rebuildRollups } from '../src/reporting/base/rollups.js';
import { valueRows, type Row } from '../src/overview/board/revenue-at-risk.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: a scratch PostgreSQL database');
const ANSWERS = Number(process.env.ANSWERS ?? 1_000_000);
const CONTACTS = Number(process.env.CONTACTS ?? 100_000);
const db = await openDatabase({ databaseUrl: url, embeddedDir: null }, { poolSize: 2 });
const runner = db.dataSource.createQueryRunner();
await runner.connect();
const q = (sql: string, params: unknown[] = []) => runner.query(sql, params);
const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const result = await f();
  return [performance.now() - t, result];
};
const p = (xs: number[], at: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(at * xs.length))];
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

// --- The data ---
const [org] = await q(`INSERT INTO organizations (name, slug, settings) VALUES ('Revenue bench', 'rar-' || md5(random()::text), '{}') RETURNING id`);
const O = org.id as string;
await q(`INSERT INTO org_units (organization_id, name) SELECT $1, 'Unit ' || g FROM generate_series(1, 57) g`, [O]);
await q(
  `INSERT INTO users (organization_id, org_unit_id, email, name, password_hash, roles)
   SELECT $1, (SELECT id FROM org_units WHERE organization_id = $1 ORDER BY id OFFSET g % 57 LIMIT 1), 'owner' || g || '.' || $1 || '@rar.bench', 'Owner ' || g, 'x', '{MANAGER}'
     FROM generate_series(1, 200) g`,
  [O],
);
await q(
  `WITH u AS (SELECT array_agg(id) AS ids FROM org_units WHERE organization_id = $1), o AS (SELECT array_agg(id) AS ids FROM users WHERE organization_id = $1)
   INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments, annual_value)
   SELECT $1, 'c' || g || '@rar.bench', 'C' || g, 'en', o.ids[1 + g % 200], u.ids[1 + g % 57], '{}',
          CASE WHEN random() < 0.7 THEN round((random() * 50000)::numeric, 2) END
     FROM generate_series(1, $2) g, u, o`,
  [O, CONTACTS],
);
const waves: Record<string, string> = {};
for (const audience of ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE']) {
  [{ id: waves[audience] }] = await q(`INSERT INTO waves (organization_id, name, audience, status, anonymous, languages) VALUES ($1, $2, $2, 'OPEN', false, '{en}') RETURNING id`, [O, audience]);
}
await q(`CREATE TEMP TABLE bench_contacts AS SELECT row_number() OVER (ORDER BY id)::int AS n, id, org_unit_id, owner_id FROM contacts WHERE organization_id = $1`, [O]);
await q(`CREATE INDEX ON bench_contacts (n)`);
await q(`SET session_replication_role = replica`);
const [load] = await timed(async () => {
  for (let done = 0; done < ANSWERS; done += 100_000) {
    await q(
      `INSERT INTO responses (organization_id, wave_id, audience, contact_id, score, category, language, org_unit_id, owner_id, segments, submitted_at)
       SELECT $1, CASE a.audience WHEN 'CUSTOMER' THEN $2::uuid WHEN 'CANDIDATE' THEN $3::uuid ELSE $4::uuid END, a.audience, c.id, a.score,
              CASE WHEN a.score >= 9 THEN 'PROMOTER' WHEN a.score >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END, 'en', c.org_unit_id, c.owner_id, '{}',
              now() - random() * interval '730 days'
         FROM (SELECT 1 + floor(random() * $5)::int AS n, floor(random() * 11)::int AS score,
                      CASE WHEN random() < 0.8 THEN 'CUSTOMER' WHEN random() < 0.5 THEN 'CANDIDATE' ELSE 'ASSOCIATE' END AS audience
                 FROM generate_series(1, $6) g) a
         JOIN bench_contacts c ON c.n = a.n`,
      [O, waves.CUSTOMER, waves.CANDIDATE, waves.ASSOCIATE, CONTACTS, Math.min(100_000, ANSWERS - done)],
    );
  }
});
await q(`SET session_replication_role = origin`);
const [rebuild] = await timed(() => rebuildRollups(runner, O));
const [latestRebuild] = await timed(() => q(`SELECT latest_answers_rebuild($1)`, [O]));
await q(`VACUUM (ANALYZE) responses, contacts, latest_answers, org_units, users`);
const [{ rows: latestRows }] = await q(`SELECT count(*)::int AS rows FROM latest_answers WHERE organization_id = $1`, [O]);
console.log(`Loaded ${ANSWERS.toLocaleString('en')} answers, ${CONTACTS.toLocaleString('en')} contacts in ${ms(load)}; rebuildRollups ${ms(rebuild)}, of it latest_answers_rebuild alone ${ms(latestRebuild)} (${latestRows.toLocaleString('en')} rows)`);

// --- The statements ---
/** The statement the card ran before latest_answers (commit 5546099), as it was. */
const BEFORE = `WITH latest AS (
    SELECT DISTINCT ON (r.contact_id) r.contact_id, r.category, r.org_unit_id, r.owner_id
      FROM responses r
     WHERE r.organization_id = $1 AND r.audience = $2 AND r.contact_id IS NOT NULL
       AND r.submitted_at >= $3 AND r.submitted_at < $4
     ORDER BY r.contact_id, r.submitted_at DESC, r.id DESC
  ), valued AS (
    SELECT l.category, l.org_unit_id, l.owner_id, c.annual_value AS v
      FROM latest l LEFT JOIN contacts c ON c.id = l.contact_id AND c.organization_id = $1
  ), g AS (
    SELECT CASE WHEN grouping(org_unit_id) = 0 THEN 'unit' WHEN grouping(owner_id) = 0 THEN 'owner' ELSE 'all' END AS dim,
           CASE WHEN grouping(org_unit_id) = 0 THEN org_unit_id ELSE owner_id END AS id,
           count(*)::int AS answered,
           count(*) FILTER (WHERE v IS NOT NULL AND category = 'PROMOTER')::int AS promoters,
           count(*) FILTER (WHERE v IS NOT NULL AND category = 'PASSIVE')::int AS passives,
           count(*) FILTER (WHERE v IS NOT NULL AND category = 'DETRACTOR')::int AS detractors,
           coalesce(sum(v) FILTER (WHERE category = 'PROMOTER'), 0)::float8 AS v_promoters,
           coalesce(sum(v) FILTER (WHERE category = 'PASSIVE'), 0)::float8 AS v_passives,
           coalesce(sum(v) FILTER (WHERE category = 'DETRACTOR'), 0)::float8 AS v_detractors
      FROM valued
     GROUP BY GROUPING SETS ((), (org_unit_id), (owner_id))
  )
  SELECT g.*, coalesce(u.name, us.name) AS name,
         CASE WHEN g.dim = 'all' THEN (SELECT sum(annual_value)::float8 FROM contacts WHERE organization_id = $1) END AS value_total
    FROM g
    LEFT JOIN org_units u ON g.dim = 'unit' AND u.id = g.id
    LEFT JOIN users us ON g.dim = 'owner' AND us.id = g.id`;
const BASELINE = `SELECT category, count(*) FROM responses WHERE organization_id = $1 AND audience = $2 AND submitted_at >= $3 AND submitted_at < $4 GROUP BY category`;

const year = new Date().getUTCFullYear() - 1;
const month = new Date().getUTCMonth();
// The last whole quarter, and the last whole year.
const qStart = new Date(Date.UTC(new Date().getUTCFullYear(), Math.floor(month / 3) * 3 - 3, 1));
const periods = [
  { label: `quarter from ${qStart.toISOString().slice(0, 10)}`, grain: 'Q' as const, from: qStart, end: new Date(Date.UTC(qStart.getUTCFullYear(), qStart.getUTCMonth() + 3, 1)) },
  { label: `year ${year}`, grain: 'Y' as const, from: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) },
];
const canonical = (rows: Row[]) =>
  JSON.stringify(rows.map((r) => ({ ...r, v_promoters: Math.round(Number(r.v_promoters) * 100), v_passives: Math.round(Number(r.v_passives) * 100), v_detractors: Math.round(Number(r.v_detractors) * 100), value_total: r.value_total === null ? null : Math.round(Number(r.value_total) * 100) }))
    .sort((a, b) => `${a.dim}${a.id}`.localeCompare(`${b.dim}${b.id}`)));

console.log('\n| statement | period | rows read | p50 of 5 | min–max |\n| --- | --- | ---: | ---: | ---: |');
for (const period of periods) {
  const args = [O, 'CUSTOMER', period.from, period.end];
  const key = { grain: period.grain, period: period.from.toISOString().slice(0, 10) };
  const [{ n: answers }] = await q(`SELECT count(*)::int AS n FROM responses WHERE organization_id = $1 AND audience = $2 AND submitted_at >= $3 AND submitted_at < $4`, args);
  const [{ n: contacts }] = await q(`SELECT count(*)::int AS n FROM latest_answers WHERE organization_id = $1 AND audience = 'CUSTOMER' AND grain = $2 AND period = $3`, [O, key.grain, key.period]);
  const before = await q(BEFORE, args);
  const after = await valueRows(runner, O, 'CUSTOMER', key);
  if (canonical(before) !== canonical(after)) throw new Error(`${period.label}: the figures differ`);
  for (const [name, read, run] of [
    ['baseline: count per category of the answers', answers, () => q(BASELINE, args)],
    ['before: every answer, DISTINCT ON per contact', answers, () => q(BEFORE, args)],
    ['after: latest_answers (valueRows)', contacts, () => valueRows(runner, O, 'CUSTOMER', key)],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await timed(run))[0]);
    console.log(`| ${name} | ${period.label} | ${read.toLocaleString('en')} | ${ms(p(times, 0.5))} | ${ms(Math.min(...times))}–${ms(Math.max(...times))} |`);
  }
}

// --- The write: a single answer's INSERT with and without latest_answers' triggers ---
const insertOne = () =>
  q(
    `INSERT INTO responses (organization_id, wave_id, audience, contact_id, score, category, language, org_unit_id, owner_id, segments, submitted_at)
     SELECT $1, $2, 'CUSTOMER', c.id, 3, 'DETRACTOR', 'en', c.org_unit_id, c.owner_id, '{}', now() FROM bench_contacts c WHERE c.n = $3`,
    [O, waves.CUSTOMER, 1 + Math.floor(Math.random() * CONTACTS)],
  );
const writes: Record<'with' | 'without', number[]> = { with: [], without: [] };
for (let round = 0; round < 10; round++) {
  for (const mode of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
    await q(`ALTER TABLE responses ${mode === 'with' ? 'ENABLE' : 'DISABLE'} TRIGGER latest_answers_insert`);
    for (let i = 0; i < 100; i++) writes[mode].push((await timed(insertOne))[0]);
  }
}
await q(`ALTER TABLE responses ENABLE TRIGGER latest_answers_insert`);
await q(`SELECT latest_answers_rebuild($1)`, [O]);
console.log(`\nA single answer's INSERT (1,000 each, alternating rounds of 100), p50 / p95:`);
for (const mode of ['without', 'with'] as const) console.log(`  ${mode} latest_answers: ${p(writes[mode], 0.5).toFixed(2)} / ${p(writes[mode], 0.95).toFixed(2)} ms`);
await runner.release();
await db.close();
