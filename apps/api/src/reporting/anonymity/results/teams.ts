import type { Context } from '../../../kernel/context.js';
import { orgOf } from '../../../kernel/context.js';
import { NpsSummary } from '../../base/nps-summary.type.js';
import { markSignificance, NpsPoint } from '../../base/nps-trend.types.js';
import { employeeWavesOf } from '../employee-waves.js';
import { ALL_KEY, unitKey } from '../release/groups.js';
import type { StoredRelease } from '../release/store.js';
import { releaseOf, releasesOf } from '../releases.js';
import { combine, pointCountsOf, summaryOf } from './combine.js';
import { employeeTexts } from './texts.js';

/**
 * What a team's discussion pack may show of an employee wave (PRODUCT.md sections 5 and 10): one
 * group of the wave's release — the team's own org-unit group when the release shows it, else the
 * nearest ancestor group it shows (the parent's, up to the whole wave). A pack never shows a
 * number, comment or theme count that the release does not already publish for that group, so
 * packs of a small team, its parent and its siblings add up to nothing the board does not say.
 */
export interface EmployeeTeamGroup {
  /** The org unit asked for. */
  unitId: string;
  /** The release group shown for it. */
  key: string;
  /** The unit of the group shown; null for the whole wave. */
  shownUnitId: string | null;
  label: string;
  /** The team's own group is hidden in the release, so the pack is the shown group's. */
  folded: boolean;
  /** Why the team's own group is hidden (THRESHOLD or PROTECTS_SMALLER); null when not folded. */
  hiddenReason: string | null;
  /** Nothing of the wave is shown (even the whole wave is hidden). */
  nothingShown: boolean;
}

export interface EmployeeTeamView extends EmployeeTeamGroup {
  summary: NpsSummary;
  /** The shown group in each released wave that has it, up to this one (oldest first, at most `trendLength`). */
  trend: NpsPoint[];
  /** Comments of the shown group (stored shuffled, undated, unattributed); null when the release holds none for it. */
  comments: string[] | null;
  /** Theme mentions of the shown group, most mentioned first; empty when its texts are not released. */
  themes: { name: string; count: number }[];
}

/** The group a unit's pack shows in one release: its own, or its nearest released ancestor's. */
function shownGroup(release: StoredRelease, unitId: string): EmployeeTeamGroup | null {
  const own = release.byKey.get(unitKey(unitId));
  if (!own) return null;
  let row: typeof own | undefined = own;
  while (row && !(row.released && row.counts)) row = row.parentKey ? release.byKey.get(row.parentKey) : undefined;
  const folded = row !== own;
  return {
    unitId,
    key: row?.key ?? ALL_KEY,
    shownUnitId: row ? row.orgUnitId : null,
    label: row?.label ?? own.label,
    folded,
    hiddenReason: folded ? (own.hiddenReason ?? 'PROTECTS_SMALLER') : null,
    nothingShown: !row,
  };
}

/** Every org unit with participants in a closed employee wave, the group its pack shows and that group's summary; [] while the wave runs. */
export async function employeeTeamGroups(ctx: Context, waveId: string): Promise<(EmployeeTeamGroup & { summary: NpsSummary })[]> {
  const release = await releaseOf(ctx, waveId);
  if (!release) return [];
  return release.groups
    .filter((g) => g.dimension === 'ORG_UNIT' && g.orgUnitId)
    .map((g) => {
      const group = shownGroup(release, g.orgUnitId!)!;
      return { ...group, summary: group.nothingShown ? NpsSummary.suppressed(group.hiddenReason ?? 'THRESHOLD') : summaryOf(combine([release], group.key)) };
    });
}

/**
 * A unit's pack of a closed employee wave: its shown group's summary, its trend over the released
 * waves up to this one, and its comments and theme mentions where the release holds them. Null
 * when the wave has no release or the unit had nobody in it.
 */
export async function employeeTeamView(ctx: Context, waveId: string, unitId: string, trendLength = 6): Promise<EmployeeTeamView | null> {
  const organizationId = orgOf(ctx);
  const release = await releaseOf(ctx, waveId);
  if (!release) return null;
  const group = shownGroup(release, unitId);
  if (!group) return null;
  if (group.nothingShown) return { ...group, summary: NpsSummary.suppressed(group.hiddenReason ?? 'THRESHOLD'), trend: [], comments: null, themes: [] };
  const waves = await employeeWavesOf(ctx, organizationId);
  const closed = waves.filter((w) => w.closedOn !== null);
  const upTo = closed.findIndex((w) => w.id === waveId);
  const earlier = closed.slice(0, upTo + 1);
  const releases = await releasesOf(ctx, earlier.map((w) => w.id));
  // Waves where the shown group exists (released or hidden); a wave without it is no point.
  const present = earlier.map((w, i) => ({ w, r: releases[i] })).filter(({ r }) => r?.byKey.has(group.key)).slice(-trendLength);
  const outcomes = present.map(({ r }) => combine([r], group.key));
  const trend = markSignificance(
    present.map(({ w }, i) => NpsPoint.of(w.id, w.name, null, summaryOf(outcomes[i]))),
    outcomes.map(pointCountsOf),
  );
  const texts = await employeeTexts(ctx, { organizationId, waveIds: [waveId], unitId: group.shownUnitId, segment: null }, { comments: true, themes: true });
  const themes = [...texts.mentions.values()].filter((t) => t.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    ...group,
    summary: summaryOf(combine([release], group.key)),
    trend,
    comments: texts.suppressed ? null : texts.comments,
    themes,
  };
}
