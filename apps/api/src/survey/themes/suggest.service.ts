import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { notFound } from '../../kernel/errors.js';
import { updateReturning } from '../../kernel/sql.js';
import { readableAudiences } from '../waves/wave-access.js';
import { compileThemes, matchCompiled, type CompiledThemes, type MatchableTheme } from './matcher.js';
import { themesOf } from './theme.service.js';
import { SuggestThemesResult } from './theme.type.js';

/**
 * Suggestions: the matcher (matcher.ts) run over comments. On submit, with the answer
 * (suggestedThemeIds); and over a whole wave after the catalogue's keywords changed
 * (suggestThemes), set-based: one read of the wave's comments, one DELETE of stale suggestions,
 * one INSERT of new ones. A person's decision (ACCEPTED, DISMISSED) is never touched.
 *
 * Employee answers are never tagged or matched one by one here: a wave's release counts the themes
 * of the catalogue frozen when the wave opened (reporting/anonymity/release/).
 */

/** The org's themes compiled per language, lazily: a wave's comments come in a few languages. */
export function compilerFor(themes: readonly MatchableTheme[]): (language: string) => CompiledThemes | null {
  const compiled = new Map<string, CompiledThemes | null>();
  return (language) => {
    if (!compiled.has(language)) compiled.set(language, compileThemes(themes, language));
    return compiled.get(language)!;
  };
}

/**
 * The themes the matcher finds in one answer's texts, in its language (none without text), from
 * the catalogue given or else read.
 */
export async function suggestedThemeIds(
  db: EntityManager,
  organizationId: string,
  language: string,
  texts: (string | null)[],
  catalogue?: readonly MatchableTheme[],
): Promise<string[]> {
  if (!texts.some((t) => t && t.trim())) return [];
  return matchCompiled(compileThemes(catalogue ?? (await themesOf(db, organizationId)), language), texts);
}

/**
 * Re-runs the matcher over an identified wave's comments: adds the suggestions that match now,
 * removes the SUGGESTED rows that no longer match; ACCEPTED and DISMISSED rows stay as they are.
 */
export async function rematchIdentifiedWave(tx: EntityManager, organizationId: string, waveId: string, themes: MatchableTheme[], now: Date) {
  const rows: { id: string; language: string; reason: string | null; suggestion: string | null }[] = await tx.query(
    `SELECT id, language, reason, suggestion FROM responses
      WHERE organization_id = $1 AND wave_id = $2 AND (nullif(btrim(reason), '') IS NOT NULL OR nullif(btrim(suggestion), '') IS NOT NULL)`,
    [organizationId, waveId],
  );
  const compile = compilerFor(themes);
  const responseIds: string[] = [];
  const themeIds: string[] = [];
  for (const row of rows) {
    for (const themeId of matchCompiled(compile(row.language), [row.reason, row.suggestion])) {
      responseIds.push(row.id);
      themeIds.push(themeId);
    }
  }
  const removed = await updateReturning(
    tx,
    `DELETE FROM response_themes rt USING responses r
      WHERE rt.response_id = r.id AND r.organization_id = $1 AND r.wave_id = $2 AND rt.organization_id = $1 AND rt.status = 'SUGGESTED'
        AND NOT EXISTS (SELECT 1 FROM unnest($3::uuid[], $4::uuid[]) AS m(response_id, theme_id)
                         WHERE m.response_id = rt.response_id AND m.theme_id = rt.theme_id)
      RETURNING 1`,
    [organizationId, waveId, responseIds, themeIds],
  );
  const added: unknown[] = await tx.query(
    `INSERT INTO response_themes (response_id, theme_id, organization_id, status, tagged_at)
     SELECT m.response_id, m.theme_id, $1, 'SUGGESTED', $4 FROM unnest($2::uuid[], $3::uuid[]) AS m(response_id, theme_id)
     ON CONFLICT (response_id, theme_id) DO NOTHING
     RETURNING 1`,
    [organizationId, responseIds, themeIds, now],
  );
  return { comments: rows.length, added: added.length, removed: removed.length };
}

/**
 * suggestThemes(waveId): the matcher over a wave's comments with the catalogue as it is now. For
 * an identified wave it answers how many comments were read and how many suggestions were added
 * and removed; for an employee wave it does nothing and answers no numbers (the wave's release counts
 * the themes of the catalogue frozen when it opened).
 */
export async function suggestThemes(ctx: Context, waveId: string): Promise<SuggestThemesResult> {
  const organizationId = orgOf(ctx);
  const wave = isUuid(waveId) ? await ctx.loaders.wave.load(waveId) : null;
  if (!wave || !readableAudiences(ctx.principal!).has(wave.audience)) throw notFound('Wave', 'waveId');
  const now = ctx.app.now();
  return ctx.db.transaction(async (tx) => {
    const themes = await themesOf(tx, organizationId);
    // An employee wave's themes are those of the catalogue frozen when it opened, counted by its
    // release: changing the catalogue afterwards changes nothing about the wave.
    if (wave.audience === 'EMPLOYEE') return Object.assign(new SuggestThemesResult(), { comments: null, added: null, removed: null });
    return Object.assign(new SuggestThemesResult(), await rematchIdentifiedWave(tx, organizationId, wave.id, themes, now));
  });
}
