/**
 * Where a npsBreakdown's time goes inside the API (issue 19: SERVED_BY's 200 groups against
 * ORG_UNIT's 57). Not a test: run it by hand against a seeded bench database (bench: `npm run
 * breakdowns -- --seed N`), e.g.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/tandem_bench_breakdown nice -n 10 npx tsx scripts/breakdown-phases.ts
 *
 * In process, as the demo leader, for ORG_UNIT, PRODUCT and SERVED_BY in turn (ROUNDS rounds after
 * 10 warm-up rounds): the service alone (npsBreakdown: SQL and the groups), then the GraphQL
 * execution of the bench's document (every field of the groups: the service again, plus the
 * fields' resolvers), then JSON.stringify of the result. p50 in ms of each phase.
 */
import 'reflect-metadata';
import { benchLeader } from './bench-leader.js';
import { performance } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import { npsBreakdown } from '../src/reporting/analytics/nps-breakdown.service.js';
import type { AnyBreakdownDimension } from '../src/reporting/base/nps-breakdown.types.js';

const ROUNDS = Number(process.env.ROUNDS ?? 60);
const { db, schema, context } = await benchLeader({ poolSize: 2, requestId: 'phases' });
const document = parse(`query Bench($filter: NpsFilter!, $by: BreakdownDimension!) { npsBreakdown(filter: $filter, by: $by) {
  key label summary { responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed hiddenReason } } }`);
const dims: AnyBreakdownDimension[] = ['ORG_UNIT', 'PRODUCT', 'SERVED_BY'];
const times = new Map(dims.map((d) => [d, { service: [] as number[], execute: [] as number[], stringify: [] as number[], groups: 0 }]));
for (let round = 0; round < 10 + ROUNDS; round++) {
  for (const by of dims) {
    const t = times.get(by)!;
    let started = performance.now();
    const groups = await npsBreakdown(context(), {} as never, by, null);
    const service = performance.now() - started;
    started = performance.now();
    const result = await execute({ schema, document, contextValue: context(), variableValues: { filter: {}, by } });
    const executed = performance.now() - started;
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
    started = performance.now();
    JSON.stringify(result);
    const stringified = performance.now() - started;
    if (round >= 10) {
      t.service.push(service);
      t.execute.push(executed);
      t.stringify.push(stringified);
    }
    t.groups = groups.length;
  }
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(2);
console.log('| by | groups | service p50 | execute p50 (incl. service) | stringify p50 |\n| --- | ---: | ---: | ---: | ---: |');
for (const [by, t] of times) console.log(`| ${by} | ${t.groups} | ${p50(t.service)} | ${p50(t.execute)} | ${p50(t.stringify)} |`);
await db.close();
