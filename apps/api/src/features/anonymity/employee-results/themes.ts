/**
 * Theme mentions among employee answers, released by theme-guard.ts.
 */
import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../../graphql/context.js';
import { badInput } from '../../../graphql/errors.js';
import { categoriesOf, employeeRollupCounts } from '../../analytics/nps-counts.js';
import type { EmployeeFilter } from '../employee-filter.js';
import { releaseThemeRow } from '../theme-guard.js';
import { thresholdOf } from '../threshold.js';
import { guardedGroup } from './guarded.js';

/** A theme's mentioners among a filter's employee answers, when theme-guard.ts releases them. */
export interface GuardedThemeCounts {
  /** The filter's answers (released by the summary guard), or null: then every theme is hidden. */
  total: NpsCounts | null;
  /** Per theme id asked: the mentioners' counts, or null when hidden. */
  themes: Map<string, NpsCounts | null>;
}

interface ThemeCellRow {
  theme_id: string | null;
  wave_id: string;
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Per-theme counts over employee answers (the themes the matcher found, employee_answer_themes),
 * by waves only: org unit and segment filters are refused (BAD_USER_INPUT), since the cells of
 * theme-guard.ts would be too small to show anything. The filter's group must be released exactly
 * as npsSummary releases it; each theme is released by releaseThemeRow over its per-wave cells.
 * One grouped statement counts every (theme, wave) cell and every wave's answers.
 */
export async function employeeThemeCounts(ctx: Context, f: EmployeeFilter, themeIds: readonly string[]): Promise<GuardedThemeCounts> {
  if (f.orgUnitIds) throw badInput('filter.orgUnitIds', 'Employee theme results are by wave only: leave orgUnitIds out');
  if (Object.values(f.segments).some((v) => v && v.length > 0)) throw badInput('filter.segments', 'Employee theme results are by wave only: leave segments out');
  const hidden = (): GuardedThemeCounts => ({ total: null, themes: new Map(themeIds.map((id) => [id, null])) });
  const [k, { group, verdict }] = await Promise.all([thresholdOf(ctx), guardedGroup(ctx, f)]);
  if (!verdict.released) return hidden();
  // Every wave's answers from the rollup; the theme cells from the theme rows (as many as there are
  // matched answers), each joined to its answer for the wave and category.
  const [perWave, cells]: [{ key: string; scores: number[] }[] | null, ThemeCellRow[]] = await Promise.all([
    employeeRollupCounts(ctx.db, { organizationId: f.organizationId, waveIds: null, from: null, to: null, attribute: null, groupBy: 'wave' }),
    ctx.db.query(
      `SELECT eat.theme_id, a.wave_id,
              count(*) FILTER (WHERE a.category = 'PROMOTER')::int AS promoters,
              count(*) FILTER (WHERE a.category = 'PASSIVE')::int AS passives,
              count(*) FILTER (WHERE a.category = 'DETRACTOR')::int AS detractors
         FROM employee_answer_themes eat
         JOIN employee_answers a ON a.id = eat.answer_id AND a.organization_id = eat.organization_id
        WHERE eat.organization_id = $1
        GROUP BY eat.theme_id, a.wave_id`,
      [f.organizationId],
    ),
  ]);
  if (!perWave) throw new Error('the rollup declined a plain count per wave');
  const rows: ThemeCellRow[] = [...perWave.map((w) => ({ theme_id: null, wave_id: w.key, ...categoriesOf(w.scores) })), ...cells];
  const size = (r: ThemeCellRow | undefined) => (r ? r.promoters + r.passives + r.detractors : 0);
  const waves = rows.filter((r) => r.theme_id === null);
  const inFilter = (waveId: string) => f.waveIds === null || f.waveIds.includes(waveId);
  const themes = new Map<string, NpsCounts | null>();
  for (const id of themeIds) {
    const cells = new Map(rows.filter((r) => r.theme_id === id).map((r) => [r.wave_id, r]));
    const shape = waves.map((w) => ({ mentioners: size(cells.get(w.wave_id)), rest: size(w) - size(cells.get(w.wave_id)) }));
    const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
    for (const [waveId, cell] of cells) {
      if (!inFilter(waveId)) continue;
      counts.promoters += cell.promoters;
      counts.passives += cell.passives;
      counts.detractors += cell.detractors;
    }
    const released = releaseThemeRow(true, shape, counts.promoters + counts.passives + counts.detractors, k);
    themes.set(id, released ? counts : null);
  }
  return { total: group.counts, themes };
}
