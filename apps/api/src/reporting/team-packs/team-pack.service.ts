import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { forbidden, notFound } from '../../kernel/errors.js';
import { isUuid } from '../../kernel/batch.js';
import { mailLanguage, type MailLanguage } from '../../platform/mail/invitation-mail.js';
import type { WaveEntity } from '../../survey/waves/wave.entity.js';
import { employeeTeamGroups, employeeTeamView } from '../anonymity/index.js';
import { countsOfGroups, identifiedCounts, type IdentifiedSelection } from '../base/identified-counts.js';
import { categoriesOf, type GroupCounts, type IdentifiedAudience } from '../base/nps-counts.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { markSignificance, NpsPoint } from '../base/nps-trend.types.js';
import { orgTreeOf, type OrgTree } from '../base/org-tree.js';
import { closedWave, packReach, readerContext, type PackReach } from './team-pack-access.js';
import { PACK_TEXTS } from './team-pack-texts.js';
import { TeamPack, TeamPackEntry, type TeamPackComment, type TeamPackFollowUp, type TeamPackImprovement, type TeamPackTheme } from './team-pack.types.js';

/**
 * Team discussion packs (issue 20, PRODUCT.md section 10): computed on demand from what reporting
 * already has, never stored. An employee pack is one group of the wave's release
 * (anonymity/results/teams.ts), folded into the nearest released parent when the team's own group
 * is hidden; an identified pack counts the responses of the unit and its sub-units from the
 * rollup (one statement for the whole trend). Comments, follow-ups and improvements are one
 * statement each.
 */

const TREND = 6;
const TOP_THEMES = 5;
const MAX_COMMENTS = 30;
const MAX_FOLLOW_UPS = 50;

export const packPdfPath = (waveId: string, orgUnitId: string) => `/team-packs/${waveId}/${orgUnitId}.pdf`;

/** The language of a pack: the one asked for, else the caller's own. */
async function languageOf(ctx: Context, asked: string | null | undefined): Promise<MailLanguage> {
  if (asked) return mailLanguage(asked);
  const principal = ctx.principal;
  const user = principal?.kind === 'user' ? await ctx.loaders.user.load(principal.id) : null;
  return mailLanguage(user?.language);
}

const mayRead = (reach: PackReach, unitId: string) => reach.kind === 'all' || reach.units.has(unitId);

/** The pack of one org unit in a closed wave, checked for the caller. */
export async function teamPack(ctx: Context, waveId: string, orgUnitId: string, language?: string | null): Promise<TeamPack> {
  const organizationId = orgOf(ctx);
  const wave = await closedWave(ctx, waveId);
  const reach = await packReach(ctx, wave);
  const unit = isUuid(orgUnitId) ? await ctx.loaders.orgUnit.load(orgUnitId) : null;
  if (!unit) throw notFound('Org unit', 'orgUnitId');
  const reader = readerContext(ctx);
  if (reach.kind !== 'all' && !reach.units.has(orgUnitId)) {
    // A manager may read the pack their own unit folds into in an employee wave (it is their team's pack).
    const own = wave.audience === 'EMPLOYEE' ? (await employeeTeamGroups(reader, wave.id)).find((g) => g.unitId === reach.rootId) : undefined;
    if (!own || !own.folded || own.shownUnitId !== orgUnitId) throw forbidden("A manager reads the packs of their own org unit and the units below it");
  }
  const lang = await languageOf(ctx, language);
  const texts = PACK_TEXTS[lang];
  const base = {
    waveId: wave.id,
    waveName: wave.name,
    audience: wave.audience,
    closedAt: wave.closedAt ?? wave.closesAt,
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    language: lang,
    guide: texts.guide(wave.audience === 'EMPLOYEE'),
    pdfPath: packPdfPath(wave.id, unit.id),
  };
  const pack = wave.audience === 'EMPLOYEE' ? await employeePack(reader, wave, unit.id) : await identifiedPack(reader, organizationId, wave, unit.id);
  return Object.assign(new TeamPack(), base, pack);
}

type PackBody = Omit<TeamPack, 'waveId' | 'waveName' | 'audience' | 'closedAt' | 'orgUnitId' | 'orgUnitName' | 'language' | 'guide' | 'pdfPath'>;

/** The change from the previous shown point of a trend to its last one. */
function changeOf(trend: NpsPoint[]): Pick<PackBody, 'previous' | 'previousWaveName' | 'change' | 'significantChange'> {
  const current = trend.at(-1);
  const previous = trend.length > 1 ? trend[trend.length - 2] : null;
  const change = current && previous && current.summary.nps !== null && previous.summary.nps !== null ? Math.round((current.summary.nps - previous.summary.nps) * 10) / 10 : null;
  return { previous: previous?.summary ?? null, previousWaveName: previous?.label ?? null, change, significantChange: current?.significantChange ?? null };
}

async function employeePack(ctx: Context, wave: WaveEntity, unitId: string): Promise<PackBody> {
  const view = await employeeTeamView(ctx, wave.id, unitId, TREND);
  if (!view) throw notFound('Team pack (nobody of this org unit was in the wave)', 'orgUnitId');
  return {
    folded: view.folded,
    foldedInto: view.folded ? view.shownUnitId : null,
    shownFor: view.shownUnitId,
    shownForName: view.label,
    hiddenReason: view.hiddenReason,
    summary: view.summary,
    ...changeOf(view.trend),
    trend: view.trend,
    themes: view.themes.slice(0, TOP_THEMES).map((t): TeamPackTheme => ({ name: t.name, mentions: t.count })),
    comments: (view.comments ?? []).slice(0, MAX_COMMENTS).map((text): TeamPackComment => ({ text, score: null })),
    commentsHidden: view.comments === null,
    // Employee answers have no follow-ups; improvements of the group shown (never of a hidden team alone).
    followUps: [],
    improvements: await improvementsOf(ctx, wave.id, view.shownUnitId === null ? null : [...(await orgTreeOf(ctx)).subtree([view.shownUnitId])]),
  };
}

/** The closed waves of an audience, oldest close first, up to and including this one. */
async function wavesUpTo(ctx: Context, organizationId: string, wave: WaveEntity): Promise<{ id: string; name: string }[]> {
  const rows: { id: string; name: string }[] = await ctx.db.query(
    `SELECT id, name FROM waves
      WHERE organization_id = $1 AND audience = $2 AND status = 'CLOSED'
        AND coalesce(closed_at, closes_at, created_at) <= (SELECT coalesce(closed_at, closes_at, created_at) FROM waves WHERE id = $3)
      ORDER BY coalesce(closed_at, closes_at, created_at), created_at, id`,
    [organizationId, wave.audience, wave.id],
  );
  return rows;
}

const selection = (audience: IdentifiedAudience, waveIds: string[], orgUnitIds: string[] | null): IdentifiedSelection => ({
  audiences: [audience],
  waveIds,
  from: null,
  to: null,
  orgUnitIds,
  ownerIds: null,
  segments: [],
});

async function identifiedPack(ctx: Context, organizationId: string, wave: WaveEntity, unitId: string): Promise<PackBody> {
  const audience = wave.audience as IdentifiedAudience;
  const waves = (await wavesUpTo(ctx, organizationId, wave)).slice(-24);
  const byWave = new Map(((await identifiedCounts(ctx, organizationId, selection(audience, waves.map((w) => w.id), [unitId]), 'wave')) ?? []).map((g) => [g.key, g]));
  const shown = waves.filter((w) => w.id === wave.id || (byWave.get(w.id)?.scores.some((n) => n > 0) ?? false)).slice(-TREND);
  const counts = shown.map((w) => categoriesOf(byWave.get(w.id)?.scores ?? new Array<number>(11).fill(0)));
  const trend = markSignificance(
    shown.map((w, i) => NpsPoint.of(w.id, w.name, null, NpsSummary.of(counts[i]))),
    counts.map((c) => (c.promoters + c.passives + c.detractors > 0 ? { counts: c } : null)),
  );
  const units = [...(await orgTreeOf(ctx)).subtree([unitId])];
  const [themes, comments, followUps, improvements] = await Promise.all([
    ctx.db.query(
      `SELECT t.name, count(DISTINCT r.id)::int AS mentions
         FROM response_themes rt JOIN responses r ON r.id = rt.response_id JOIN themes t ON t.id = rt.theme_id
        WHERE rt.organization_id = $1 AND rt.status = 'ACCEPTED' AND r.wave_id = $2 AND r.org_unit_id = ANY($3::uuid[])
        GROUP BY t.name ORDER BY 2 DESC, 1 LIMIT ${TOP_THEMES}`,
      [organizationId, wave.id, units],
    ) as Promise<TeamPackTheme[]>,
    ctx.db.query(
      `SELECT concat_ws(' — ', nullif(btrim(reason), ''), nullif(btrim(suggestion), '')) AS text, score::int AS score
         FROM responses
        WHERE organization_id = $1 AND wave_id = $2 AND org_unit_id = ANY($3::uuid[]) AND (nullif(btrim(reason), '') IS NOT NULL OR nullif(btrim(suggestion), '') IS NOT NULL)
        ORDER BY score, submitted_at DESC LIMIT ${MAX_COMMENTS}`,
      [organizationId, wave.id, units],
    ) as Promise<TeamPackComment[]>,
    ctx.db.query(
      `SELECT f.id, f.status, r.score::int AS score, f.due_at AS "dueAt", f.due_at < $4 AS overdue
         FROM follow_ups f JOIN responses r ON r.id = f.response_id
        WHERE f.organization_id = $1 AND f.wave_id = $2 AND f.status <> 'RESOLVED' AND r.org_unit_id = ANY($3::uuid[])
        ORDER BY f.due_at, f.id LIMIT ${MAX_FOLLOW_UPS}`,
      [organizationId, wave.id, units, ctx.app.now()],
    ) as Promise<TeamPackFollowUp[]>,
    improvementsOf(ctx, wave.id, units),
  ]);
  return {
    folded: false,
    foldedInto: null,
    shownFor: unitId,
    shownForName: (await ctx.loaders.orgUnit.load(unitId))?.name ?? '',
    hiddenReason: null,
    summary: trend.at(-1)?.summary ?? NpsSummary.of({ promoters: 0, passives: 0, detractors: 0 }),
    ...changeOf(trend),
    trend,
    themes,
    comments,
    commentsHidden: false,
    followUps,
    improvements,
  };
}

/** Improvements linked to the wave for one of the units (null: any unit, or the whole wave). */
async function improvementsOf(ctx: Context, waveId: string, units: string[] | null): Promise<TeamPackImprovement[]> {
  return ctx.db.query(
    `SELECT DISTINCT ON (i.id) i.id, i.title, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS "dueDate"
       FROM improvements i JOIN improvement_waves w ON w.improvement_id = i.id
      WHERE i.organization_id = $1 AND w.wave_id = $2
        AND ($3::uuid[] IS NULL OR coalesce(w.org_unit_id, i.org_unit_id) = ANY($3::uuid[]))
      ORDER BY i.id`,
    [orgOf(ctx), waveId, units],
  ) as Promise<TeamPackImprovement[]>;
}

/**
 * The packs of a closed wave the caller may read: every org unit with answers in it (for an
 * employee wave, every unit the release has a group for), with the group its pack shows.
 */
export async function teamPacks(ctx: Context, waveId: string): Promise<TeamPackEntry[]> {
  const organizationId = orgOf(ctx);
  const wave = await closedWave(ctx, waveId);
  const reach = await packReach(ctx, wave);
  const reader = readerContext(ctx);
  const tree = await orgTreeOf(reader);
  const entries = wave.audience === 'EMPLOYEE' ? await employeeEntries(reader, wave.id, tree) : await identifiedEntries(reader, organizationId, wave, tree);
  return entries.filter((e) => mayRead(reach, e.orgUnitId)).sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName));
}

async function employeeEntries(ctx: Context, waveId: string, tree: OrgTree): Promise<TeamPackEntry[]> {
  return (await employeeTeamGroups(ctx, waveId)).map((g) =>
    Object.assign(new TeamPackEntry(), {
      orgUnitId: g.unitId,
      orgUnitName: tree.units.get(g.unitId)?.name ?? g.label,
      parentId: tree.units.get(g.unitId)?.parentId ?? null,
      folded: g.folded,
      shownFor: g.shownUnitId,
      shownForName: g.label,
      summary: g.summary,
    }),
  );
}

async function identifiedEntries(ctx: Context, organizationId: string, wave: WaveEntity, tree: OrgTree): Promise<TeamPackEntry[]> {
  const direct: GroupCounts[] = (await identifiedCounts(ctx, organizationId, selection(wave.audience as IdentifiedAudience, [wave.id], null), 'attribute', 'org_unit')) ?? [];
  // Each unit's subtree: its own answers and those of the units below it.
  const totals = new Map<string, number[]>();
  for (const g of direct) {
    if (!tree.units.has(g.key) || !g.scores.some((n) => n > 0)) continue;
    for (let id: string | null = g.key, hops = 0; id && hops < 100; id = tree.units.get(id)?.parentId ?? null, hops++) {
      const sum = totals.get(id) ?? new Array<number>(11).fill(0);
      g.scores.forEach((n, s) => (sum[s] += n));
      totals.set(id, sum);
    }
  }
  return [...totals].map(([id, scores]) =>
    Object.assign(new TeamPackEntry(), {
      orgUnitId: id,
      orgUnitName: tree.units.get(id)!.name,
      parentId: tree.units.get(id)!.parentId,
      folded: false,
      shownFor: id,
      shownForName: tree.units.get(id)!.name,
      summary: NpsSummary.of(countsOfGroups([{ key: id, scores }])),
    }),
  );
}
