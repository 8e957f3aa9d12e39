/**
 * What the followup.created event costs the respondent's answer (issue 17: "publish without slowing
 * it measurably"). Not a test: run it by hand, on an otherwise quiet machine, and note the result in
 * docs/performance.md.
 *
 *   npx tsx scripts/answer-event-cost.ts                        # embedded database
 *   DATABASE_URL=postgres://…/scratch npx tsx scripts/answer-event-cost.ts
 *
 * A/B on one database: the answer writer's statement (recordResponses) for detractors, with the
 * outbox rows (publish: true, what the respondent's answer does: response.created and
 * followup.created) and without (publish: false), in
 * alternating rounds of five single answers and one batch of 20 (the AnswerWriter's coalescing).
 * The time is the statement's, per answer; the dispatch jobs of the events go out afterwards,
 * coalesced (dispatchSoon), on the same connection, so their cost shows in the rounds that follow.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/data-source.js';
import { createLogger } from '../src/logger.js';
import { createAppServices } from '../src/kernel/context.js';
import { startBackground } from '../src/jobs.js';
import { recordResponses } from '../src/survey/respondent/record-responses.js';

const url = process.env.DATABASE_URL ?? null;
const dir = mkdtempSync(path.join(tmpdir(), 'answer-event-cost-'));
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, SCHEDULE_TICK_SECONDS: '0', LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) });
const db = await openDatabase({ databaseUrl: url, embeddedDir: path.join(dir, 'pglite') });
const background = await startBackground(db, createAppServices(config, createLogger('silent')), { runWorkers: false });
const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

const [org] = await q(`INSERT INTO organizations (name, slug, settings) VALUES ('Cost', 'cost-' || md5(random()::text), '{}') RETURNING id`);
const [wave] = await q(`INSERT INTO waves (organization_id, name, audience, status, anonymous, languages) VALUES ($1, 'W', 'CUSTOMER', 'OPEN', false, '{en}') RETURNING id`, [org.id]);
const ROUNDS = 40;
const N = ROUNDS * 2 * 25;
const contacts: { id: string }[] = await q(
  `INSERT INTO contacts (organization_id, email, name, language, segments) SELECT $1, 'c' || g || '@cost.test', 'C' || g, 'en', '{}' FROM generate_series(1, $2) g RETURNING id`,
  [org.id, N],
);
const invitations: { id: string; contact_id: string }[] = await q(
  `INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status) SELECT $1, $2, c, md5(c::text), 'SENT' FROM unnest($3::uuid[]) c RETURNING id, contact_id`,
  [org.id, wave.id, contacts.map((c) => c.id)],
);
const answerOf = (inv: { id: string; contact_id: string }) => ({
  organizationId: org.id,
  wave: { id: wave.id, audience: 'CUSTOMER' as const },
  invitationId: inv.id,
  contactId: inv.contact_id,
  answer: { score: 2, category: 'DETRACTOR' as const, reason: 'The delivery was late', suggestion: null, language: 'en', ratings: [] },
  submittedAt: new Date(),
  slaHours: 48,
  themeIds: [],
});

const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
let next = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
    for (const size of [1, 1, 1, 1, 1, 20]) {
      const items = invitations.slice(next, next + size).map(answerOf);
      next += size;
      const started = performance.now();
      await recordResponses(db.dataSource.manager, items, { publish: mode === 'with' });
      times[mode].push((performance.now() - started) / size);
    }
  }
}
const quantile = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * f)].toFixed(1);
console.log(`${db.mode} database, ${N} detractor answers, ms per answer`);
for (const mode of ['without', 'with'] as const) console.log(`${mode.padEnd(7)} the event: p50 ${quantile(times[mode], 0.5)}  p95 ${quantile(times[mode], 0.95)}`);
await new Promise((resolve) => setTimeout(resolve, 300));
const [{ events, jobs }] = await q(
  `SELECT (SELECT count(*)::int FROM domain_events WHERE organization_id = $1::uuid) AS events,
          (SELECT count(*)::int FROM pgboss.job WHERE name = 'events.dispatch' AND data->>'organizationId' = $1::text) AS jobs`,
  [org.id],
);
console.log(`${events} events written, dispatched by ${jobs} jobs`);
await background.jobs.stop({ timeoutMs: 0 });
await db.close();
process.exit(0);
