import type { Context } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { employeeTrend } from '../anonymity/index.js';
import { addScores, emptyScores, identifiedCounts, totalOfScores } from '../base/identified-counts.js';
import { categoriesOf, type GroupCounts, type Grouping, type ScoreCounts } from '../base/nps-counts.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { resolveNpsScope, type NpsScope } from './nps-scope.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { markSignificance, NpsPoint, TREND_INTERVALS, type TrendInterval } from '../base/nps-trend.types.js';
import { isoDay, periodOf, periodsBetween, type CalendarInterval } from '../base/periods.js';

/**
 * npsTrend: the filtered results per wave, ISO week, month or quarter, each point with nps-core's
 * numbers and whether its change from the previous point is significant (compareNps).
 *
 * Identified responses: one statement over the rollup grouped by period or wave (or, for a filter
 * on two attribute dimensions, one grouped scan of the responses). Calendar points run from the
 * filter's `from` (or the first period with responses) to its `to` (or the last period with
 * responses), empty periods included — never past the current period unless responses are dated
 * there. WAVE points are the waves with responses, ordered by their opening date.
 * Employee answers: through the anonymity guard (employeeTrend).
 */
export async function npsTrend(ctx: Context, filter: NpsFilter, interval: TrendInterval): Promise<NpsPoint[]> {
  if (!TREND_INTERVALS.includes(interval)) throw badInput('interval', `Unknown interval ${interval}`);
  const scope = await resolveNpsScope(ctx, filter);
  if (scope.kind === 'employee') return employeeTrend(ctx, scope.filter, interval, scope.span);
  return identifiedTrend(ctx, scope, interval);
}

type IdentifiedScope = Extract<NpsScope, { kind: 'identified' }>;

const GROUPING: Record<TrendInterval, Grouping> = { WAVE: 'wave', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter' };

/** The same keys as the rollup's, over a scan of the responses (d: the UTC day of submission). */
const SCAN_KEY: Record<TrendInterval, string> = {
  WAVE: `r.wave_id::text`,
  WEEK: `to_char(date_trunc('week', (r.submitted_at AT TIME ZONE 'UTC')::date), 'IYYY-"W"IW')`,
  MONTH: `to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  QUARTER: `to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-"Q"Q')`,
};

async function scannedScores(ctx: Context, scope: IdentifiedScope, interval: TrendInterval): Promise<GroupCounts[]> {
  const rows: Record<string, string | number>[] = await ctx.db.query(
    `SELECT ${SCAN_KEY[interval]} AS key, ${Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE r.score = ${s})::int AS s${s}`).join(', ')}
       FROM responses r
      WHERE ${scope.where}
      GROUP BY 1`,
    scope.params,
  );
  return rows.map((row) => ({ key: String(row.key), scores: Array.from({ length: 11 }, (_, s) => Number(row[`s${s}`])) }));
}

/** The points of identified responses, with their counts for significance. */
export async function identifiedTrend(ctx: Context, scope: IdentifiedScope, interval: TrendInterval): Promise<NpsPoint[]> {
  const groups =
    (await identifiedCounts(ctx, scope.organizationId, scope.selection, GROUPING[interval])) ?? (await scannedScores(ctx, scope, interval));
  const scores = new Map<string, ScoreCounts>();
  for (const g of groups) if (totalOfScores(g.scores) > 0) scores.set(g.key, addScores(scores.get(g.key) ?? emptyScores(), g.scores));

  if (interval === 'WAVE') {
    const ids = [...scores.keys()];
    const waves = await ctx.loaders.wave.loadMany(ids);
    const listed = ids
      .map((id, i) => ({ id, wave: waves[i] }))
      .flatMap(({ id, wave }) => (wave && !(wave instanceof Error) ? [{ id, name: wave.name, start: (wave.opensAt ?? wave.openedAt ?? wave.createdAt).getTime() }] : []))
      .sort((a, b) => a.start - b.start || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const counts = listed.map((w) => ({ counts: categoriesOf(scores.get(w.id)!) }));
    return markSignificance(
      listed.map((w, i) => NpsPoint.of(w.id, w.name, null, NpsSummary.of(counts[i].counts))),
      counts,
    );
  }

  const calendar = interval as CalendarInterval;
  const keys = [...scores.keys()].sort();
  const sel = scope.selection;
  const firstKey = keys[0] ?? null;
  const lastKey = keys.at(-1) ?? null;
  const current = periodOf(isoDay(ctx.app.now()), calendar);
  const startKey = sel.from ? periodOf(sel.from, calendar).key : firstKey;
  if (startKey === null) return [];
  // From the start period's first day to the end period's last day.
  const startDay = sel.from ?? keyStart(firstKey!, calendar);
  let endDay = sel.to ?? (lastKey ? keyEnd(lastKey, calendar) : current.to);
  const latest = lastKey && lastKey > current.key ? keyEnd(lastKey, calendar) : current.to;
  if (endDay > latest) endDay = latest;
  const periods = periodsBetween(startDay, endDay, calendar);
  if (!periods) throw badInput('filter.from', `Too many ${calendar.toLowerCase()}s in the range: narrow from and to`);
  const counts = periods.map((p) => {
    const s = scores.get(p.key);
    return s ? { counts: categoriesOf(s) } : null;
  });
  return markSignificance(
    periods.map((p, i) => NpsPoint.of(p.key, p.key, p, NpsSummary.of(counts[i]?.counts ?? { promoters: 0, passives: 0, detractors: 0 }))),
    counts,
  );
}

/** The first and last day of the period with a key. */
function keyStart(key: string, interval: CalendarInterval): string {
  if (interval === 'MONTH') return `${key}-01`;
  if (interval === 'QUARTER') return `${key.slice(0, 4)}-${String((Number(key.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  // ISO week: the Monday of week 1 is the Monday of the week holding 4 January.
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000 + (week - 1) * 7 * 86400000;
  return new Date(monday).toISOString().slice(0, 10);
}
const keyEnd = (key: string, interval: CalendarInterval) => periodOf(keyStart(key, interval), interval).to;
