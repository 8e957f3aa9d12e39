import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { employeeTeamGroups } from '../../reporting/anonymity/index.js';
import { answeredUnitsOfWaves } from '../../reporting/base/nps-counts.js';
import { orgTreeOf } from '../../reporting/base/org-tree.js';
import { DONE_STATUSES, OPEN_STATUSES } from '../improvements/improvement-status.js';
import { readsWholeAudience, waveOf } from './discussion-scope.js';
import { DiscussionCoverage, DiscussionCoverageTeam, discussionOf, type DiscussionRow } from './discussion.types.js';

/** One team of one wave, as the grouped statement reads it. */
export interface TeamCoverageRow {
  waveId: string;
  orgUnitId: string;
  held: boolean;
  actions: number;
  done: number;
  overdue: number;
}

export interface CoverageSummary {
  teams: number;
  held: number;
  share: number | null;
  actions: number;
  actionsDone: number;
  actionsOverdue: number;
}

/**
 * The coverage arithmetic of one wave's teams: teams counted once each, the share of those that
 * held their discussion (null without teams), and the actions summed (done and overdue never more
 * than agreed: a row that says otherwise is clamped, as the statement cannot produce it).
 */
export function summarize(rows: readonly Omit<TeamCoverageRow, 'waveId'>[]): CoverageSummary {
  const teams = new Map<string, Omit<TeamCoverageRow, 'waveId'>>();
  for (const row of rows) {
    const seen = teams.get(row.orgUnitId);
    teams.set(row.orgUnitId, seen ? { ...seen, held: seen.held || row.held, actions: seen.actions + row.actions, done: seen.done + row.done, overdue: seen.overdue + row.overdue } : row);
  }
  let held = 0;
  let actions = 0;
  let actionsDone = 0;
  let actionsOverdue = 0;
  for (const t of teams.values()) {
    if (t.held) held += 1;
    const agreed = Math.max(0, t.actions);
    actions += agreed;
    const done = Math.min(Math.max(0, t.done), agreed);
    actionsDone += done;
    actionsOverdue += Math.min(Math.max(0, t.overdue), agreed - done);
  }
  return { teams: teams.size, held, share: teams.size ? held / teams.size : null, actions, actionsDone, actionsOverdue };
}

/**
 * Per unit of the waves, in two statements: the org units of a wave's identified answers
 * (`answered`, from the NPS rollup's reader: a few rows per unit and month, not the answers),
 * of its employee participants (the invitation snapshot: a unit, never a person), and any unit
 * that recorded a discussion of it. coverageTeams folds them into the teams that get a pack.
 */
async function unitRows(db: EntityManager, organizationId: string, waveIds: readonly string[], today: string): Promise<(TeamCoverageRow & { answered: boolean })[]> {
  if (waveIds.length === 0) return [];
  const answered = await answeredUnitsOfWaves(db, organizationId, waveIds);
  const rows: { wave_id: string; org_unit_id: string; answered: boolean; held: boolean; actions: number; done: number; overdue: number }[] = await db.query(
    `WITH teams AS (
       SELECT wave_id, org_unit_id, bool_or(answered) AS answered FROM (
         SELECT wave_id, org_unit_id, true AS answered FROM unnest($6::uuid[], $7::uuid[]) AS a(wave_id, org_unit_id)
         UNION ALL SELECT DISTINCT wave_id, org_unit_id, false FROM employee_participations WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) AND org_unit_id IS NOT NULL
         UNION ALL SELECT wave_id, org_unit_id, false FROM team_discussions WHERE organization_id = $1 AND wave_id = ANY($2::uuid[])
       ) units GROUP BY wave_id, org_unit_id
     )
     SELECT t.wave_id, t.org_unit_id, bool_or(t.answered) AS answered, bool_or(d.id IS NOT NULL) AS held,
            count(i.id)::int AS actions,
            count(i.id) FILTER (WHERE i.status = ANY($4::text[]))::int AS done,
            count(i.id) FILTER (WHERE i.status = ANY($5::text[]) AND i.due_date < $3::date)::int AS overdue
       FROM teams t
       LEFT JOIN team_discussions d ON d.organization_id = $1 AND d.wave_id = t.wave_id AND d.org_unit_id = t.org_unit_id
       LEFT JOIN team_discussion_actions a ON a.discussion_id = d.id
       LEFT JOIN improvements i ON i.id = a.improvement_id
      GROUP BY t.wave_id, t.org_unit_id`,
    [organizationId, waveIds, today, DONE_STATUSES, OPEN_STATUSES, answered.map((a) => a.waveId), answered.map((a) => a.orgUnitId)],
  );
  return rows.map((r) => ({ waveId: r.wave_id, orgUnitId: r.org_unit_id, answered: r.answered, held: r.held, actions: r.actions, done: r.done, overdue: r.overdue }));
}

/**
 * For each closed employee wave among the waves, the team each unit counts as: the unit that gets
 * the pack it reads (reporting/anonymity: its own when the release shows its group, else the
 * nearest ancestor the release shows), or null when it folds into the whole wave (no unit's pack).
 */
async function packUnitsOf(ctx: Context, waveIds: readonly string[]): Promise<Map<string, Map<string, string | null>>> {
  if (waveIds.length === 0) return new Map();
  const employeeWaves: { id: string }[] = await ctx.db.query(
    `SELECT id FROM waves WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND audience = 'EMPLOYEE' AND status = 'CLOSED'`,
    [orgOf(ctx), waveIds],
  );
  const out = new Map<string, Map<string, string | null>>();
  for (const { id } of employeeWaves) {
    const groups = await employeeTeamGroups(ctx, id);
    if (groups.length) out.set(id, new Map(groups.map((g) => [g.unitId, g.nothingShown ? null : g.shownUnitId])));
  }
  return out;
}

/** A wave's team: the unit that gets a pack, with the units folded into it (itself first when it has a row). */
export interface TeamRow extends TeamCoverageRow {
  units: string[];
}

/**
 * Per team of the waves: the teams that get a pack of their own. In an identified wave each unit
 * with answers is one, and so is every unit above it (its pack shows its whole subtree, as
 * team-packs' identifiedEntries does); in an employee wave a unit the release folds counts as the unit whose pack it reads (a
 * team of four under k counts as its parent's), one folded into the whole wave counts as none, and
 * every unit whose pack is its own counts, with answers of its own or only below it.
 * A folded unit's discussion and actions count for the team it folds into.
 */
export async function coverageTeams(ctx: Context, waveIds: readonly string[], today: string): Promise<TeamRow[]> {
  const [rows, folds] = [await unitRows(ctx.db, orgOf(ctx), waveIds, today), await packUnitsOf(ctx, waveIds)];
  const teams = new Map<string, TeamRow>();
  for (const row of rows) {
    const fold = folds.get(row.waveId);
    const team = fold?.has(row.orgUnitId) ? fold.get(row.orgUnitId)! : row.orgUnitId;
    if (team === null) continue;
    const key = `${row.waveId}:${team}`;
    const seen = teams.get(key);
    if (!seen) teams.set(key, { ...row, orgUnitId: team, units: [row.orgUnitId] });
    else {
      Object.assign(seen, { held: seen.held || row.held, actions: seen.actions + row.actions, done: seen.done + row.done, overdue: seen.overdue + row.overdue });
      if (row.orgUnitId === team) seen.units.unshift(row.orgUnitId);
      else seen.units.push(row.orgUnitId);
    }
  }
  const none = (waveId: string, unit: string): TeamRow => ({ waveId, orgUnitId: unit, held: false, actions: 0, done: 0, overdue: 0, units: [unit] });
  // A unit whose pack is its own counts even with nobody directly in it (a parent of teams).
  for (const [waveId, fold] of folds) {
    for (const [unit, team] of fold) {
      if (team === unit && !teams.has(`${waveId}:${unit}`)) teams.set(`${waveId}:${unit}`, none(waveId, unit));
    }
  }
  // So does every unit above an identified wave's answered ones: each has a pack of its subtree.
  const tree = await orgTreeOf(ctx);
  for (const row of rows.filter((r) => !folds.has(r.waveId) && r.answered)) {
    for (let id = tree.units.get(row.orgUnitId)?.parentId ?? null, hops = 0; id && hops < 100; id = tree.units.get(id)?.parentId ?? null, hops++) {
      if (!teams.has(`${row.waveId}:${id}`)) teams.set(`${row.waveId}:${id}`, none(row.waveId, id));
    }
  }
  return [...teams.values()];
}

const coverageOf = (waveId: string, summary: CoverageSummary, teamRows: DiscussionCoverageTeam[] = []) =>
  Object.assign(new DiscussionCoverage(), { waveId, ...summary, teamRows });

/** Coverage per wave, in the order given, for the board and the programme news (no team rows). */
export async function coverageOfWaves(ctx: Context, waveIds: readonly string[], today: string): Promise<DiscussionCoverage[]> {
  const rows = await coverageTeams(ctx, waveIds, today);
  return waveIds.map((id) => coverageOf(id, summarize(rows.filter((r) => r.waveId === id))));
}

/**
 * One wave's coverage with its teams (those that held first): for HR (employee waves), CX
 * (identified waves), ADMIN and LEADER; another organization's wave or one the caller does not
 * oversee is NOT_FOUND.
 */
export async function waveDiscussionCoverage(ctx: Context, waveId: string): Promise<DiscussionCoverage> {
  const organizationId = orgOf(ctx);
  const wave = await waveOf(ctx.db, organizationId, waveId, 'waveId');
  if (!readsWholeAudience(ctx.principal!, wave.audience)) throw notFound('Wave', 'waveId');
  const today = ctx.app.now().toISOString().slice(0, 10);
  const rows = await coverageTeams(ctx, [wave.id], today);
  const discussions: DiscussionRow[] = await ctx.db.query(
    `SELECT id, wave_id, org_unit_id, to_char(held_on, 'YYYY-MM-DD') AS held_on, participants, notes, publish, recorded_by, created_at, updated_at
       FROM team_discussions WHERE organization_id = $1 AND wave_id = $2`,
    [organizationId, wave.id],
  );
  const byUnit = new Map(discussions.map((d) => [d.org_unit_id, discussionOf(d)]));
  const teamRows = rows
    .map((r) =>
      Object.assign(new DiscussionCoverageTeam(), {
        orgUnitId: r.orgUnitId,
        discussion: r.units.map((u) => byUnit.get(u)).find(Boolean) ?? null,
        actions: r.actions,
        actionsDone: r.done,
        actionsOverdue: r.overdue,
      }),
    )
    .sort((a, b) => Number(!!b.discussion) - Number(!!a.discussion) || a.orgUnitId.localeCompare(b.orgUnitId));
  return coverageOf(wave.id, summarize(rows), teamRows);
}
