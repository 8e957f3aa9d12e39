/** Times each query scenario over HTTP as the demo leader, beside its plain SQL scan, and checks the two agree. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import type pg from 'pg';
import { graphql, session } from '../http.js';
import { stats, timeLoop, type TimingOptions } from '../measure.js';
import type { Api } from '../processes.js';
import type { QueryResult } from '../report.js';
import { documentFor } from './document.js';
import { scenarios } from './index.js';
import { REPO_ROOT } from '../seed.js';

const LEADER = { email: 'leader@demo.test', password: 'tandem-demo' };

export async function measureQueries(api: Api, db: pg.Client, organizationId: string, o: TimingOptions, now: Date, quiet = false): Promise<QueryResult[]> {
  const log = (line: string) => quiet || console.log(line);
  const token = session(api.url, LEADER.email, LEADER.password);
  // The published schema (apps/api/schema.graphql, kept equal to the served one by its test): the
  // API in production mode lets only signed-in admins introspect, and the bench reads as the leader.
  const schema = buildSchema(readFileSync(resolve(REPO_ROOT, 'apps/api/schema.graphql'), 'utf8'));
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
export async function stillExact(api: Api, db: pg.Client, organizationId: string, now: Date): Promise<boolean | null> {
  const quick: TimingOptions = { warmup: 0, iterations: 1, minIterations: 1, budgetMs: 0 };
  const results = await measureQueries(api, db, organizationId, quick, now, true);
  const wrong = results.filter((r) => r.exact === false);
  if (wrong.length) console.log(`  after the submissions, not exact: ${wrong.map((r) => `${r.name}${r.note ? ` (${r.note})` : ''}`).join(', ')}`);
  const checked = results.filter((r) => r.exact !== null);
  return checked.length ? checked.every((r) => r.exact) : null;
}
