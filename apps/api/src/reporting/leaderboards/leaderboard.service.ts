import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { IDENTIFIED_ROLLUP_AUDIENCES, type IdentifiedAudience } from '../base/nps-counts.js';
import { orgTreeOf } from '../base/org-tree.js';
import { defaultLevel, rankableLevels } from './levels.js';
import { isoDay } from '../base/periods.js';
import { employeeTeamRates, employeeWavesClosedIn, thresholdOf } from '../anonymity/index.js';
import { calendarPeriod, previousPeriod, type CalendarPeriod } from '../base/calendar-period.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import {
  addCounts,
  addRates,
  improvementCounts,
  invitationCounts,
  managers,
  scoreCounts,
  subtreeSums,
  zeroCounts,
  zeroRates,
} from './leaderboard.data.js';
import { LeaderboardEntry, LeaderboardLevel, type LeaderboardEntity, type LeaderboardMetric } from './leaderboard.types.js';
import { rankCounts, rankImprovement, rankNps, rankRates, type Ranked, type Subject } from './ranking.js';

export interface LeaderboardQuery {
  period: { year: number; quarter?: number | null };
  entity: LeaderboardEntity;
  metric: LeaderboardMetric;
  audience?: Audience | null;
  /** TEAM only: the depth of the org tree to rank; left out, the level with the most units. */
  level?: number | null;
}

/** Checks a leaderboard's input before anything is read; the period must have started. */
export function checkQuery(q: LeaderboardQuery, today: string): CalendarPeriod {
  const period = calendarPeriod(q.period ?? ({} as LeaderboardQuery['period']), 'period');
  if (period.from > today) throw badInput('period', `${period.label} has not started yet`);
  if (q.audience === 'EMPLOYEE') {
    if (q.entity === 'MANAGER') throw badInput('entity', 'Employee surveys have no managers to rank: contact owners exist for identified audiences only. Rank TEAM instead.');
    if (q.metric !== 'RESPONSE_RATE') {
      throw badInput(
        'metric',
        'Employee surveys are ranked by response rate only: an NPS of employee answers is never put on a leaderboard, so that no team can be singled out (PRODUCT.md 5).',
      );
    }
  }
  return period;
}

/** The leaderboard of a period (see ranking.ts for the order and leaderboard.data.ts for the cost). */
export async function leaderboard(ctx: Context, q: LeaderboardQuery): Promise<LeaderboardEntry[]> {
  const organizationId = orgOf(ctx);
  const period = checkQuery(q, isoDay(ctx.app.now()));
  const ranked = await rankedEntries(ctx, organizationId, period, q.entity, q.metric, q.audience ?? null, q.level ?? null);
  return ranked.map((r) => Object.assign(new LeaderboardEntry(), r));
}

/**
 * The teams a TEAM leaderboard ranks: the units of one level of the org tree (levels.ts), the one
 * asked for or else the widest. A level the tree does not have is BAD_USER_INPUT naming `level`.
 */
export async function teamsOfLevel(ctx: Context, level: number | null): Promise<string[]> {
  const levels = rankableLevels(await orgTreeOf(ctx));
  const chosen = level ?? defaultLevel(levels);
  if (chosen === null) return [];
  const found = levels.find((l) => l.level === chosen);
  if (!found) throw badInput('level', `Choose one of the org chart's levels: ${levels.map((l) => l.level).join(', ')}`);
  return found.unitIds;
}

/** The ranked entries of a checked query (also what finalizeAwards freezes). */
export async function rankedEntries(
  ctx: Context,
  organizationId: string,
  period: CalendarPeriod,
  entity: LeaderboardEntity,
  metric: LeaderboardMetric,
  audience: Audience | null,
  level: number | null = null,
): Promise<Ranked[]> {
  const { leaderboardMinResponses } = await settingsOf(ctx);
  const min = Math.max(1, leaderboardMinResponses);
  const teams = entity === 'TEAM' ? await teamsOfLevel(ctx, level) : null;
  if (audience === 'EMPLOYEE') return employeeRates(ctx, organizationId, period, min, teams!);

  const audiences: IdentifiedAudience[] = audience ? [audience] : [...IDENTIFIED_ROLLUP_AUDIENCES];
  const previous = previousPeriod(period);
  const [counts, before, rates, improved] = await Promise.all([
    scoreCounts(ctx, organizationId, entity, audiences, period),
    metric === 'NPS_IMPROVEMENT' ? scoreCounts(ctx, organizationId, entity, audiences, previous) : null,
    metric === 'RESPONSE_RATE' ? invitationCounts(ctx, organizationId, entity, audiences, period) : null,
    metric === 'IMPROVEMENTS_IMPLEMENTED' ? improvementCounts(ctx, organizationId, entity, audience, period) : null,
  ]);

  let subjects: Subject[];
  let countsOf = counts;
  let beforeOf = before;
  let ratesOf = rates;
  let improvedOf = improved;
  if (entity === 'TEAM') {
    const tree = await orgTreeOf(ctx);
    subjects = teams!.map((id) => ({ entityId: id, name: tree.units.get(id)!.name }));
    countsOf = subtreeSums(tree, counts, zeroCounts, addCounts);
    if (before) beforeOf = subtreeSums(tree, before, zeroCounts, addCounts);
    if (rates) ratesOf = subtreeSums(tree, rates, zeroRates, addRates);
    if (improved) improvedOf = subtreeSums(tree, improved, () => 0, (a, b) => a + b);
  } else {
    const named = [...counts.keys(), ...(before?.keys() ?? []), ...(rates?.keys() ?? []), ...(improved?.keys() ?? [])];
    subjects = (await managers(ctx, organizationId, named)).map((u) => ({ entityId: u.id, name: u.name }));
  }
  // Input in id order, so that nps-core's stable sort breaks complete ties the same way every time.
  subjects.sort((a, b) => (a.entityId ?? '').localeCompare(b.entityId ?? ''));
  const countsFor = (s: Subject) => countsOf.get(s.entityId!) ?? zeroCounts();

  switch (metric) {
    case 'NPS':
      return rankNps(subjects.map((s) => ({ ...s, counts: countsFor(s) })), min);
    case 'RESPONSE_RATE':
      return rankRates(
        subjects.map((s) => ({ ...s, ...(ratesOf!.get(s.entityId!) ?? zeroRates()), counts: countsFor(s) })),
        min,
      );
    case 'NPS_IMPROVEMENT':
      return rankImprovement(
        subjects.map((s) => ({ ...s, counts: countsFor(s), before: beforeOf!.get(s.entityId!) ?? zeroCounts() })),
        min,
        { period: period.label, previous: previous.label },
      );
    case 'IMPROVEMENTS_IMPLEMENTED':
      return rankCounts(subjects.map((s) => ({ ...s, count: improvedOf!.get(s.entityId!) ?? 0, counts: countsFor(s) })), min);
  }
}

/**
 * Teams by employee response rate: participations only, over the employee waves that closed in the
 * period, and only teams every one of those waves shows on its participation rows (anonymity:
 * employeeTeamRates); the others are left out entirely, not shown as ineligible. Eligible from the
 * organization's minimum of invited people (and never below k).
 */
async function employeeRates(ctx: Context, organizationId: string, period: CalendarPeriod, min: number, teams: readonly string[]): Promise<Ranked[]> {
  const onLevel = new Set(teams);
  const [tree, k] = await Promise.all([orgTreeOf(ctx), thresholdOf(ctx)]);
  const waveIds = await employeeWavesClosedIn(ctx, organizationId, { from: period.from, to: period.to }, null);
  const listed = await employeeTeamRates(ctx, waveIds);
  const subjects = [...listed]
    .filter(([id]) => tree.units.has(id) && onLevel.has(id))
    .map(([id, c]) => ({ entityId: id, name: tree.units.get(id)!.name, invited: c.invited, responded: c.responded, counts: null }))
    .sort((a, b) => a.entityId.localeCompare(b.entityId));
  return rankRates(subjects, Math.max(min, k));
}

/** The levels a team leaderboard can rank, for the page's choice. */
export async function leaderboardLevels(ctx: Context): Promise<LeaderboardLevel[]> {
  orgOf(ctx);
  const tree = await orgTreeOf(ctx);
  const levels = rankableLevels(tree);
  const chosen = defaultLevel(levels);
  return levels.map((l) =>
    Object.assign(new LeaderboardLevel(), {
      level: l.level,
      unitNames: l.unitIds.map((id) => tree.units.get(id)!.name).sort((a, b) => a.localeCompare(b)),
      isDefault: l.level === chosen,
    }),
  );
}
