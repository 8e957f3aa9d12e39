import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { notFound } from '../../kernel/errors.js';
import { manageableAudiences } from '../../survey/waves/wave-access.js';
import { DONE_STATUSES } from './improvement-status.js';
import { publicTitleIn, respondentLanguage, translatedIn } from '../../survey/waves/respondent-language.js';
import { waveLinksSql } from './improvement.service.js';
import { shareLinkPath, shareTokenOf, waveOfShareToken } from './share-token.js';

@ObjectType('PublicImprovement', { description: 'An implemented improvement as the people surveyed see it: what was done and when, nothing else' })
export class PublicImprovement {
  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateResolver, { description: 'The day it was implemented' })
  implementedOn: Date;
}

@ObjectType('YouSaidWeDid', { description: "A wave's public \"you said, we did\" page. No respondent's data: no answers, comments, scores, people or owners." })
export class YouSaidWeDid {
  @Field(() => String, { description: "The survey's public title in the page's language (a neutral default when it has none); never the internal wave name" })
  waveName: string;

  @Field(() => String)
  organizationName: string;

  @Field(() => String, { description: 'The language the page is shown in: the one asked for when the wave has it, else its first (the respondent-language rule)' })
  language: string;

  @Field(() => [String], { description: "The wave's languages (the page's texts are translated on the web side; titles in the page's language when translated)" })
  languages: string[];

  @Field(() => [PublicImprovement], { description: 'IMPLEMENTED and VERIFIED improvements linked to the wave (as a wave, or through its responses or follow-ups), newest first' })
  improvements: PublicImprovement[];

  /** For field resolvers of other modules (the teams' sections, loop/discussions); never a field. */
  waveId: string;
  organizationId: string;
}

/**
 * The public page of a wave behind a share token (share-token.ts), or null for an unknown token.
 * Reads the wave, its organization's name and the titles, descriptions and implementation days of
 * the implemented improvements linked to it — two statements, nothing else.
 */
export async function youSaidWeDid(ctx: Context, token: string, language: string | null | undefined): Promise<YouSaidWeDid | null> {
  const waveId = waveOfShareToken(ctx.app.config.jwtSecret, token);
  if (!waveId) return null;
  const [wave]: { organization_id: string; public_titles: Record<string, string>; languages: string[]; organization_name: string }[] = await ctx.db.query(
    `SELECT w.organization_id, w.public_titles, w.languages, o.name AS organization_name
       FROM waves w JOIN organizations o ON o.id = w.organization_id WHERE w.id = $1`,
    [waveId],
  );
  if (!wave) return null;
  const rows: { title: string; title_translations: Record<string, string>; description: string | null; implemented_at: Date }[] = await ctx.db.query(
    `SELECT i.title, i.title_translations, i.description, i.implemented_at
       FROM improvements i
      WHERE i.organization_id = $1 AND i.status = ANY($3::text[]) AND i.implemented_at IS NOT NULL
        AND i.id IN (SELECT l.improvement_id FROM (${waveLinksSql('$1', '$2')}) l)
      ORDER BY i.implemented_at DESC, i.id`,
    [wave.organization_id, [waveId], DONE_STATUSES],
  );
  const languages = wave.languages.length ? wave.languages : ['en'];
  const lang = respondentLanguage(languages, language);
  return Object.assign(new YouSaidWeDid(), {
    waveId,
    organizationId: wave.organization_id,
    waveName: publicTitleIn(wave.public_titles, lang),
    organizationName: wave.organization_name,
    language: lang,
    languages,
    improvements: rows.map((r) =>
      Object.assign(new PublicImprovement(), {
        title: translatedIn(r.title, r.title_translations, lang),
        description: r.description,
        implementedOn: new Date(`${new Date(r.implemented_at).toISOString().slice(0, 10)}T00:00:00Z`),
      }),
    ),
  });
}

/**
 * The path of a wave's public page, for CX (identified waves), HR (employee waves) and ADMIN: the
 * same path every time for the same wave. Another organization's wave, or one the caller does not
 * run, is NOT_FOUND.
 */
export async function shareWaveOutcome(ctx: Context, waveId: string): Promise<string> {
  const organizationId = orgOf(ctx);
  if (!isUuid(waveId)) throw notFound('Wave', 'waveId');
  const [wave]: { audience: string }[] = await ctx.db.query(`SELECT audience FROM waves WHERE id = $1 AND organization_id = $2`, [waveId, organizationId]);
  if (!wave || !manageableAudiences(ctx.principal!).has(wave.audience as never)) throw notFound('Wave', 'waveId');
  return shareLinkPath(shareTokenOf(ctx.app.config.jwtSecret, waveId));
}
