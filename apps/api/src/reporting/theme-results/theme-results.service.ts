import { themeImpact, type NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { resolveNpsScope } from '../analytics/nps-scope.js';
import { identifiedSummaryCounts } from '../analytics/nps-summary.service.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { employeeTexts, employeeWavesClosedIn, mayReadEmployeeResults, type ReleasedTexts } from '../anonymity/index.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { BoardTopThemes, ThemeCount, ThemeResult } from './theme-results.types.js';
import { ThemeEntity } from '../../survey/themes/theme.entity.js';
import { themesOf } from '../../survey/themes/theme.service.js';
import { toThemeType } from '../../survey/themes/theme.type.js';

/**
 * Per-theme results over the responses of an NpsFilter. Identified audiences: the ACCEPTED tags,
 * counted in one grouped statement (every theme's mentioners per category, plus the filter's
 * total). Employee answers: the themes the matcher found, counted and released by the anonymity
 * guard (anonymity/employee-results/themes.ts, theme-guard.ts).
 */

const ZERO: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
const sizeOf = (c: NpsCounts) => c.promoters + c.passives + c.detractors;

interface CountRow {
  theme_id: string | null;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Whether a theme is about one of the audiences (a theme without audiences is about every one). */
export const isAboutAny = (theme: Pick<ThemeEntity, 'audiences'>, audiences: readonly string[]) =>
  !theme.audiences?.length || theme.audiences.some((a) => audiences.includes(a));

/** One row: the theme's mentioners and impact, or a suppressed row (counts null). */
export function themeResult(theme: ThemeEntity, total: NpsCounts | null, mentions: NpsCounts | null): ThemeResult {
  const result = Object.assign(new ThemeResult(), { theme: toThemeType(theme) });
  if (!total || !mentions) {
    return Object.assign(result, { suppressed: true, mentions: NpsSummary.suppressed(), share: null, impact: null, impactMargin: null, impactLow: null, impactHigh: null, impactSignificant: null });
  }
  const impact = themeImpact(total, mentions);
  const all = sizeOf(total);
  return Object.assign(result, {
    suppressed: false,
    mentions: NpsSummary.of(mentions),
    share: all === 0 ? null : sizeOf(mentions) / all,
    impact: impact?.impact ?? null,
    impactMargin: impact?.margin ?? null,
    impactLow: impact?.low ?? null,
    impactHigh: impact?.high ?? null,
    impactSignificant: impact?.significant ?? null,
  });
}

/** Shown rows first, most mentioned first; hidden rows last by name (their order says nothing). */
function ordered(rows: ThemeResult[]): ThemeResult[] {
  const byName = (a: ThemeResult, b: ThemeResult) => a.theme.name.localeCompare(b.theme.name);
  const shown = rows.filter((r) => !r.suppressed).sort((a, b) => (b.mentions.responses ?? 0) - (a.mentions.responses ?? 0) || byName(a, b));
  return [...shown, ...rows.filter((r) => r.suppressed).sort(byName)];
}

export async function themeResults(ctx: Context, filter: NpsFilter): Promise<ThemeResult[]> {
  const organizationId = orgOf(ctx);
  const scope = await resolveNpsScope(ctx, filter);
  const themes = await themesOf(ctx.db, organizationId);
  // Each audience sees its own themes: HR's employee results never list customer-only themes.
  if (scope.kind === 'employee') {
    return employeeThemeRows(themes.filter((t) => isAboutAny(t, ['EMPLOYEE'])), await employeeTexts(ctx, scope.filter, { comments: false, themes: true }), themes);
  }
  const own = themes.filter((t) => isAboutAny(t, scope.selection.audiences));
  // The total from the rollup; the mentioners from the accepted tags (as many as there are tags),
  // each joined to its response for the filter.
  const [total, rows]: [NpsCounts, CountRow[]] = await Promise.all([
    identifiedSummaryCounts(ctx, scope),
    ctx.db.query(
      `SELECT rt.theme_id,
              count(*) FILTER (WHERE r.category = 'PROMOTER')::int AS promoters,
              count(*) FILTER (WHERE r.category = 'PASSIVE')::int AS passives,
              count(*) FILTER (WHERE r.category = 'DETRACTOR')::int AS detractors
         FROM response_themes rt
         JOIN responses r ON r.id = rt.response_id
        WHERE rt.organization_id = $1 AND rt.status = 'ACCEPTED' AND ${scope.where}
        GROUP BY rt.theme_id`,
      scope.params,
    ),
  ]);
  const byTheme = new Map(rows.map((r) => [r.theme_id!, r]));
  return ordered(own.map((t) => themeResult(t, total, byTheme.get(t.id) ?? ZERO)));
}

// ---------------------------------------------------------------------------------------------
// The board: top themes among detractors and promoters

const TOP = 5;
const DAY_MS = 24 * 3600_000;

function top(all: ThemeEntity[], counts: Map<string, number>, of: number, audience: Audience): ThemeCount[] {
  return all
    .filter((t) => isAboutAny(t, [audience]))
    .map((t) => ({ t, n: counts.get(t.id) ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.t.name.localeCompare(b.t.name))
    .slice(0, TOP)
    .map(({ t, n }) => Object.assign(new ThemeCount(), { theme: toThemeType(t), count: n, share: of > 0 ? n / of : 0 }));
}

/**
 * Board.topThemes: per audience on the board (those the caller reads), the themes most mentioned by
 * its detractors and by its promoters in the period. Identified audiences: ACCEPTED tags, one
 * grouped statement for all of them. EMPLOYEE: the period's guarded theme counts (a theme shows
 * only when the guard releases it; the whole entry is suppressed when the period's group is).
 */
/** What Board.topThemes needs of the board: its period and the summaries of the audiences it shows. */
export interface BoardPeriodSummaries {
  from: Date;
  to: Date;
  audiences: { audience: Audience; summary: NpsSummary }[];
}

export async function boardTopThemes(ctx: Context, board: BoardPeriodSummaries): Promise<BoardTopThemes[]> {
  const organizationId = orgOf(ctx);
  const audiences = board.audiences.map((a) => a.audience);
  if (audiences.length === 0) return [];
  const themes = await themesOf(ctx.db, organizationId);
  const until = new Date(board.to.getTime() + DAY_MS);
  const identified = audiences.filter((a) => a !== 'EMPLOYEE');
  const result = new Map<Audience, BoardTopThemes>();
  if (identified.length > 0) {
    // The detractors and promoters of each audience are the board's own summaries (from the
    // rollup); the mentions come from the accepted tags, each joined to its response.
    const rows: { audience: Audience; category: string; theme_id: string; n: number }[] = await ctx.db.query(
      `SELECT r.audience, r.category, rt.theme_id, count(*)::int AS n
         FROM response_themes rt
         JOIN responses r ON r.id = rt.response_id
        WHERE rt.organization_id = $1 AND rt.status = 'ACCEPTED'
          AND r.organization_id = $1 AND r.audience = ANY($2::text[]) AND r.category <> 'PASSIVE'
          AND r.submitted_at >= $3 AND r.submitted_at < $4
        GROUP BY r.audience, r.category, rt.theme_id`,
      [organizationId, identified, board.from, until],
    );
    const summaryOf = (audience: Audience) => board.audiences.find((a) => a.audience === audience)!.summary;
    for (const audience of identified) {
      const of = (category: string) => rows.filter((r) => r.audience === audience && r.category === category);
      const entry = (category: 'DETRACTOR' | 'PROMOTER') => {
        const summary = summaryOf(audience);
        const total = (category === 'DETRACTOR' ? summary.detractors : summary.promoters) ?? 0;
        return top(themes, new Map(of(category).map((r) => [r.theme_id, r.n])), total, audience);
      };
      result.set(audience, Object.assign(new BoardTopThemes(), { audience, amongDetractors: entry('DETRACTOR'), amongPromoters: entry('PROMOTER'), mentioned: [], suppressed: false }));
    }
  }
  if (audiences.includes('EMPLOYEE') && mayReadEmployeeResults(ctx.principal!)) {
    // Employee themes: mentions in the released comments of the waves that closed in the period,
    // without any split by category (a theme's detractors could single a comment out).
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const waveIds = await employeeWavesClosedIn(ctx, organizationId, { from: iso(board.from), to: iso(board.to) }, null);
    const texts = await employeeTexts(ctx, { organizationId, waveIds, unitId: null, segment: null }, { comments: false, themes: true });
    const counts = new Map([...texts.mentions].map(([id, m]) => [id, m.count]));
    result.set(
      'EMPLOYEE',
      Object.assign(new BoardTopThemes(), {
        audience: 'EMPLOYEE',
        amongDetractors: [],
        amongPromoters: [],
        mentioned: texts.suppressed ? [] : top(themes, counts, texts.responses ?? 0, 'EMPLOYEE'),
        suppressed: texts.suppressed || waveIds.length === 0,
      }),
    );
  }
  return audiences.flatMap((a) => (result.has(a) ? [result.get(a)!] : []));
}

/**
 * Employee theme results: each theme of the waves' frozen catalogues with how many answers of the
 * released group mention it — nothing else. No NPS, category split or impact per theme: with the
 * comments released, a theme's score could be narrowed to a few comments (crafted themes).
 */
function employeeThemeRows(current: ThemeEntity[], texts: ReleasedTexts, all: ThemeEntity[]): ThemeResult[] {
  if (texts.suppressed) return ordered(current.map((t) => themeResult(t, null, null)));
  const byId = new Map(current.map((t) => [t.id, t]));
  // A theme of the frozen catalogue now marked for other audiences only is left out; a deleted one keeps its frozen name.
  const elsewhere = new Set(all.filter((t) => !byId.has(t.id)).map((t) => t.id));
  const rows = [...texts.mentions].filter(([id]) => !elsewhere.has(id)).map(([id, m]) => {
    const theme = byId.get(id) ?? Object.assign(new ThemeEntity(), { id, name: m.name, parentId: null, description: null, keywords: {}, audiences: [], nameTranslations: {} });
    const mentions = Object.assign(NpsSummary.of({ promoters: 0, passives: 0, detractors: 0 }), { responses: m.count, promoters: null, passives: null, detractors: null });
    return Object.assign(new ThemeResult(), {
      theme: toThemeType(theme),
      suppressed: false,
      mentions,
      share: texts.responses ? m.count / texts.responses : null,
      impact: null,
      impactMargin: null,
      impactLow: null,
      impactHigh: null,
      impactSignificant: null,
    });
  });
  return ordered(rows);
}
