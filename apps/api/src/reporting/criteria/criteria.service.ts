import type { Context } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { resolveNpsScope, type NpsScope } from '../analytics/nps-scope.js';
import { employeeCriteria } from '../anonymity/index.js';
import { KEY_DRIVER_MIN_N, correlationInterval, ratingMeanInterval, rounded } from '../base/criteria.stats.js';
import { CriterionResult, KeyDriver } from '../base/criteria.types.js';

/**
 * Criteria ratings (the 1–5 RATING questions of a wave, stored on each response as
 * `ratings` [{criterion, value}]) and key drivers, over the responses an NpsFilter selects for the
 * caller (resolveNpsScope: a manager's are their own contacts'). Each is one statement grouped by
 * criterion, so the cost follows the number of criteria, never the number of answers in Node.
 *
 * Employee answers report only through the anonymity guard: employee criteria are read from the
 * releases of closed waves (reporting/anonymity employeeCriteria: whole waves, k ratings), and
 * employee key drivers are refused with a typed error (a correlation pairs one person's answers,
 * which no release may show).
 */

type IdentifiedScope = Extract<NpsScope, { kind: 'identified' }>;
const DAY_MS = 24 * 3600 * 1000;

/** The filter field that made the scope an employee one, for the refusal. */
function employeeField(filter: NpsFilter): string {
  if (filter.audience === 'EMPLOYEE') return 'filter.audience';
  if (filter.waveIds && filter.waveIds.length > 0) return 'filter.waveIds';
  return 'filter.audience';
}

async function identifiedScope(ctx: Context, filter: NpsFilter): Promise<IdentifiedScope> {
  const scope = await resolveNpsScope(ctx, filter);
  if (scope.kind === 'employee') {
    throw badInput(employeeField(filter), 'Key drivers are for identified audiences only: employee answers are never paired with each other', {
      reason: 'EMPLOYEE_KEY_DRIVERS',
      params: {},
    });
  }
  return scope;
}

interface CriterionRow {
  criterion: string;
  n: number;
  mean: number | null;
  sd: number | null;
  v1: number;
  v2: number;
  v3: number;
  v4: number;
  v5: number;
}

/** Ratings of each criterion in the scope: one statement grouped by criterion. */
async function criterionRows(ctx: Context, scope: IdentifiedScope): Promise<CriterionRow[]> {
  return ctx.db.query(
    `SELECT e.criterion,
            count(*)::int AS n,
            avg(e.value)::float8 AS mean,
            stddev_samp(e.value)::float8 AS sd,
            count(*) FILTER (WHERE e.value = 1)::int AS v1,
            count(*) FILTER (WHERE e.value = 2)::int AS v2,
            count(*) FILTER (WHERE e.value = 3)::int AS v3,
            count(*) FILTER (WHERE e.value = 4)::int AS v4,
            count(*) FILTER (WHERE e.value = 5)::int AS v5
       FROM responses r
      CROSS JOIN LATERAL jsonb_to_recordset(r.ratings) AS e(criterion text, value int)
      WHERE ${scope.where} AND e.criterion IS NOT NULL AND e.value IS NOT NULL
      GROUP BY e.criterion`,
    scope.params,
  );
}

/**
 * criterionResults: per criterion, the ratings given, their mean with its 95 % t-interval and the
 * counts of 1..5; with from and to, also the previous period of the same length (one more grouped
 * statement). Sorted by criterion.
 */
export async function criterionResults(ctx: Context, filter: NpsFilter): Promise<CriterionResult[]> {
  const scope = await resolveNpsScope(ctx, filter);
  if (scope.kind === 'employee') return employeeCriteria(ctx, scope.filter);
  const rows = await criterionRows(ctx, scope);
  let previous = new Map<string, CriterionRow>();
  if (filter.from && filter.to) {
    const days = Math.round((filter.to.getTime() - filter.from.getTime()) / DAY_MS) + 1;
    const to = new Date(filter.from.getTime() - DAY_MS);
    const from = new Date(filter.from.getTime() - days * DAY_MS);
    const before = await identifiedScope(ctx, { ...filter, from, to });
    previous = new Map((await criterionRows(ctx, before)).map((r) => [r.criterion, r]));
  }
  return rows
    .map((row) => {
      const ci = row.mean === null ? null : ratingMeanInterval(row.mean, row.sd ?? Number.NaN, row.n);
      const prev = previous.get(row.criterion);
      const hasPrevious = filter.from && filter.to;
      return Object.assign(new CriterionResult(), {
        criterion: row.criterion,
        n: row.n,
        mean: rounded(row.mean),
        ciLow: rounded(ci?.low),
        ciHigh: rounded(ci?.high),
        distribution: [row.v1, row.v2, row.v3, row.v4, row.v5],
        lowSample: row.n < KEY_DRIVER_MIN_N,
        suppressed: false,
        hiddenReason: null,
        previousN: hasPrevious ? (prev?.n ?? 0) : null,
        previousMean: rounded(prev?.mean),
      });
    })
    .sort((a, b) => a.criterion.localeCompare(b.criterion));
}

/**
 * keyDrivers: the criteria ranked by the Pearson correlation of their rating with the 0–10 score
 * (PostgreSQL corr and regr_count, one statement grouped by criterion), each with its 95 % Fisher-z
 * interval and marked lowSample below KEY_DRIVER_MIN_N pairs. Criteria whose correlation is
 * undefined (no variation) rank last. Identified audiences only.
 */
export async function keyDrivers(ctx: Context, filter: NpsFilter): Promise<KeyDriver[]> {
  const scope = await identifiedScope(ctx, filter);
  const rows: { criterion: string; n: number; r: number | null }[] = await ctx.db.query(
    `SELECT e.criterion,
            regr_count(r.score::float8, e.value::float8)::int AS n,
            corr(r.score::float8, e.value::float8) AS r
       FROM responses r
      CROSS JOIN LATERAL jsonb_to_recordset(r.ratings) AS e(criterion text, value int)
      WHERE ${scope.where} AND e.criterion IS NOT NULL AND e.value IS NOT NULL
      GROUP BY e.criterion`,
    scope.params,
  );
  return rows
    .map((row) => ({ row, r: row.r === null || !Number.isFinite(Number(row.r)) ? null : Number(row.r) }))
    .sort((a, b) => (b.r ?? -Infinity) - (a.r ?? -Infinity) || b.row.n - a.row.n || a.row.criterion.localeCompare(b.row.criterion))
    .map(({ row, r }, i) => {
      const ci = r === null ? null : correlationInterval(r, row.n);
      return Object.assign(new KeyDriver(), {
        criterion: row.criterion,
        rank: i + 1,
        n: row.n,
        correlation: rounded(r),
        ciLow: rounded(ci?.low),
        ciHigh: rounded(ci?.high),
        lowSample: row.n < KEY_DRIVER_MIN_N,
      });
    });
}
