import type { Context } from '../../../kernel/context.js';
import { badInput } from '../../../kernel/errors.js';
import { groupKeyOf, type EmployeeFilter } from '../employee-filter.js';
import { readComments, readThemeMentions } from '../release/store.js';
import { releasesOf } from '../releases.js';
import { NOT_RELEASED } from './combine.js';

/**
 * Comments and theme mentions of employee results: per group of the org-unit tree whose release
 * holds them (release/families.ts: a laminar family with every atom at least k answers, so no
 * intersection or difference of comment lists singles anyone out), shuffled and undated, for the
 * filter's waves. Never per location or tenure band: lists of texts can be intersected.
 */
export interface ReleasedTexts {
  suppressed: boolean;
  hiddenReason: string | null;
  comments: string[];
  /** Answers of the group over the waves (the share's base); null when suppressed. */
  responses: number | null;
  /** Answers mentioning each theme of the waves' frozen catalogues; empty when suppressed. */
  mentions: Map<string, { name: string; count: number }>;
}

const hidden = (reason: string): ReleasedTexts => ({ suppressed: true, hiddenReason: reason, comments: [], responses: null, mentions: new Map() });

async function textGroup(ctx: Context, f: EmployeeFilter): Promise<{ key: string; waveIds: string[]; responses: number } | ReleasedTexts> {
  if (f.segment) throw badInput('filter.segments', 'Employee comments and themes are released per org unit only: leave segments out');
  const key = groupKeyOf(f);
  const releases = await releasesOf(ctx, f.waveIds);
  const waveIds: string[] = [];
  let responses = 0;
  for (const release of releases) {
    if (!release) return hidden(NOT_RELEASED);
    const row = release.byKey.get(key);
    if (!row) continue;
    if (!row.released || !row.counts) return hidden(row.hiddenReason ?? 'PROTECTS_SMALLER');
    if (!row.comments) return hidden('PROTECTS_SMALLER');
    waveIds.push(release.waveId);
    responses += row.counts.promoters + row.counts.passives + row.counts.detractors;
  }
  return { key, waveIds, responses };
}

/** The group's comments: only where every wave's release holds them. */
export async function employeeTexts(ctx: Context, f: EmployeeFilter, options: { comments: boolean; themes: boolean }): Promise<ReleasedTexts> {
  const group = await textGroup(ctx, f);
  if ('suppressed' in group) return group;
  const [comments, mentions, names] = await Promise.all([
    options.comments ? readComments(ctx.db, f.organizationId, group.waveIds, group.key) : Promise.resolve([]),
    options.themes ? readThemeMentions(ctx.db, f.organizationId, group.waveIds, group.key) : Promise.resolve(new Map<string, number>()),
    options.themes
      ? (ctx.db.query(`SELECT DISTINCT ON (theme_id) theme_id, name FROM employee_wave_themes WHERE organization_id = $1 AND wave_id = ANY($2::uuid[])`, [
          f.organizationId,
          group.waveIds,
        ]) as Promise<{ theme_id: string; name: string }[]>)
      : Promise.resolve([]),
  ]);
  const byTheme = new Map(names.map((n) => [n.theme_id, { name: n.name, count: mentions.get(n.theme_id) ?? 0 }]));
  return { suppressed: false, hiddenReason: null, comments, responses: group.responses, mentions: byTheme };
}
