import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { publicTitleIn, translatedIn } from '../../survey/waves/respondent-language.js';
import { improvementEffect } from '../improvements/improvement-effect.service.js';
import { ImprovementEntity } from '../improvements/improvement.entity.js';
import { DONE_STATUSES } from '../improvements/improvement-status.js';
import { waveLinksSql } from '../improvements/improvement.service.js';
import { ImprovementType } from '../improvements/improvement.types.js';
import { coverageOfWaves } from '../discussions/coverage.js';
import { NewsAward, NewsImprovement, NewsQuote, ProgrammeNews } from './news.types.js';

/** How many implemented improvements get their effect measured (a few statements each). */
export const EFFECTS_SHOWN = 5;
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Programme news (issue 20) of the days from..to (inclusive, UTC; by default the last 30 days):
 * improvements implemented and, for the first few, their measured effect (the improvement-effect
 * service, with the reader's rights), awards finalized, the discussion coverage of the waves that
 * closed, and a quote from a "you said, we did" page. For every staff role; the web page /news and
 * the monthly digest read it.
 */
export async function programmeNews(ctx: Context, range: { from?: Date | null; to?: Date | null }, language: string): Promise<ProgrammeNews> {
  const organizationId = orgOf(ctx);
  const now = ctx.app.now();
  const to = range.to ?? new Date(`${isoDay(now)}T00:00:00Z`);
  const from = range.from ?? new Date(to.getTime() - 29 * DAY);
  if (from > to) throw badInput('from', 'The period starts after it ends');
  if (to.getTime() - from.getTime() > 366 * DAY) throw badInput('from', 'A period of news is at most a year');
  const until = new Date(to.getTime() + DAY);

  const rows = await ctx.db
    .createQueryBuilder(ImprovementEntity, 'i')
    .where('i.organization_id = :organizationId AND i.implemented_at >= :from AND i.implemented_at < :until AND i.status IN (:...done)', { organizationId, from, until, done: DONE_STATUSES })
    .orderBy('i.implemented_at', 'DESC')
    .addOrderBy('i.id')
    .limit(20)
    .getMany();
  const themeLinks = rows.length ? await ctx.loaders.improvements.themes.loadMany(rows.slice(0, EFFECTS_SHOWN).map((r) => r.id)) : [];
  const implemented: NewsImprovement[] = [];
  for (const [index, row] of rows.entries()) {
    const improvement = ImprovementType.from(row, now);
    const themes = themeLinks[index];
    const effect = index < EFFECTS_SHOWN && Array.isArray(themes) ? await improvementEffect(ctx, improvement, themes.map((t) => t.id)) : null;
    implemented.push(Object.assign(new NewsImprovement(), { improvement, title: translatedIn(row.title, row.titleTranslations, language), effect }));
  }

  const awards: { period: string; category: string; winner_name: string; value: number; finalized_at: Date }[] = await ctx.db.query(
    `SELECT a.period, a.category, a.winner_name, a.value, p.finalized_at
       FROM awards a JOIN award_periods p ON p.id = a.period_id
      WHERE a.organization_id = $1 AND p.status = 'FINALIZED' AND p.finalized_at >= $2 AND p.finalized_at < $3
      ORDER BY p.finalized_at DESC, a.category, a.id LIMIT 30`,
    [organizationId, from, until],
  );

  const waves: { id: string }[] = await ctx.db.query(
    `SELECT id FROM waves WHERE organization_id = $1 AND status = 'CLOSED' AND kind = 'WAVE' AND closed_at >= $2 AND closed_at < $3 ORDER BY closed_at DESC, id LIMIT 20`,
    [organizationId, from, until],
  );
  const coverage = await coverageOfWaves(ctx, waves.map((w) => w.id), isoDay(now));

  // The quote: the newest implemented improvement of the period on a wave's public page (linked to a wave).
  const [quote]: { title: string; title_translations: Record<string, string>; description: string | null; implemented_at: Date; public_titles: Record<string, string> }[] = await ctx.db.query(
    `SELECT i.title, i.title_translations, i.description, i.implemented_at, w.public_titles
       FROM improvements i
       JOIN LATERAL (SELECT l.wave_id FROM (${waveLinksSql('$1', 'ARRAY(SELECT id FROM waves WHERE organization_id = $1)')}) l WHERE l.improvement_id = i.id LIMIT 1) lw ON true
       JOIN waves w ON w.id = lw.wave_id
      WHERE i.organization_id = $1 AND i.status = ANY($4::text[]) AND i.implemented_at >= $2 AND i.implemented_at < $3
      ORDER BY (i.description IS NOT NULL) DESC, i.implemented_at DESC, i.id LIMIT 1`,
    [organizationId, from, until, DONE_STATUSES],
  );

  return Object.assign(new ProgrammeNews(), {
    from,
    to,
    implemented,
    awards: awards.map((a) => Object.assign(new NewsAward(), { period: a.period, category: a.category, winnerName: a.winner_name, value: a.value, finalizedAt: a.finalized_at })),
    coverage,
    quote: quote
      ? Object.assign(new NewsQuote(), {
          waveName: publicTitleIn(quote.public_titles, language),
          title: translatedIn(quote.title, quote.title_translations, language),
          description: quote.description,
          implementedOn: new Date(`${isoDay(new Date(quote.implemented_at))}T00:00:00Z`),
        })
      : null,
  });
}
