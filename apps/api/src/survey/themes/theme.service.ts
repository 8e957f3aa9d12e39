import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../kernel/pg-errors.js';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, conflict, notFound } from '../../kernel/errors.js';
import { updateReturning } from '../../kernel/sql.js';
import { stemsOf } from './matcher.js';
import { isThemeLanguage, THEME_LANGUAGES, ThemeEntity, type ThemeKeywordMap } from './theme.entity.js';
import type { ThemeInput } from './theme.inputs.js';
import { validTranslations } from '../waves/respondent-language.js';
import { toThemeType, type ThemeType } from './theme.type.js';

export const MAX_NAME = 120;
export const MAX_DESCRIPTION = 2000;
export const MAX_WORDS = 50;
export const MAX_WORD = 80;

/** The organization's catalogue, by name (ignoring case). */
export async function listThemes(ctx: Context): Promise<ThemeType[]> {
  const rows = await themesOf(ctx.db, orgOf(ctx));
  return rows.map(toThemeType);
}

export async function themesOf(db: EntityManager, organizationId: string): Promise<ThemeEntity[]> {
  return db.createQueryBuilder(ThemeEntity, 't').where('t.organization_id = :organizationId', { organizationId }).orderBy('lower(t.name)').addOrderBy('t.id').getMany();
}

interface ValidTheme {
  name: string;
  description: string | null;
  parentId: string | null;
  keywords: ThemeKeywordMap;
  /** Null: keep what the theme has (an update that leaves them out). */
  nameTranslations: Record<string, string> | null;
  /** Null: keep what the theme has. */
  audiences: string[] | null;
}

/** Keywords per language: known languages once each; words trimmed, non-empty, with letters, merged ignoring case. */
export function validKeywords(input: ThemeInput['keywords']): ThemeKeywordMap {
  const keywords: ThemeKeywordMap = {};
  for (const entry of input ?? []) {
    const language = entry.language.trim().toLowerCase();
    if (!isThemeLanguage(language)) throw badInput('input.keywords', `Unknown language "${entry.language}"; use ${THEME_LANGUAGES.join(', ')}`);
    if (keywords[language]) throw badInput('input.keywords', `Language "${language}" is listed twice`);
    const words: string[] = [];
    const seen = new Set<string>();
    for (const raw of entry.words) {
      const word = raw.trim().replace(/\s+/g, ' ');
      if (word.length === 0) throw badInput('input.keywords', `A keyword (${language}) must not be blank`);
      if ([...word].length > MAX_WORD) throw badInput('input.keywords', `A keyword has at most ${MAX_WORD} characters: "${word}"`);
      if (stemsOf(word, language).length === 0) throw badInput('input.keywords', `The keyword "${word}" (${language}) has no letters to match`);
      if (seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      words.push(word);
    }
    if (words.length > MAX_WORDS) throw badInput('input.keywords', `At most ${MAX_WORDS} keywords per language`);
    if (words.length > 0) keywords[language] = words;
  }
  return keywords;
}

/**
 * Checks a theme's input against the catalogue (`themes`, without the theme itself when it is
 * updated): name 1..120 and unique ignoring case (CONFLICT on input.name), a parent of the same
 * organization that does not make a cycle (BAD_USER_INPUT on input.parentId), keywords.
 */
function validate(input: ThemeInput, themes: ThemeEntity[], id: string | null): ValidTheme {
  const name = input.name.trim();
  if (name.length === 0 || [...name].length > MAX_NAME) throw badInput('input.name', `The name must be 1 to ${MAX_NAME} characters`);
  const description = input.description?.trim() || null;
  if (description && [...description].length > MAX_DESCRIPTION) throw badInput('input.description', `At most ${MAX_DESCRIPTION.toLocaleString('en')} characters`);
  const byId = new Map(themes.map((t) => [t.id, t]));
  const parentId = input.parentId ?? null;
  if (parentId !== null) {
    if (!isUuid(parentId) || !byId.has(parentId)) throw badInput('input.parentId', 'Unknown parent theme');
    // Walk up from the parent: meeting the theme itself means a cycle.
    for (let at: string | null = parentId, steps = 0; at !== null; at = byId.get(at)?.parentId ?? null, steps++) {
      if (at === id || steps > themes.length) throw badInput('input.parentId', 'A theme cannot be its own parent or ancestor');
    }
  }
  const keywords = validKeywords(input.keywords);
  if (themes.some((t) => t.id !== id && t.name.toLowerCase() === name.toLowerCase())) throw conflict('input.name', `A theme named "${name}" already exists`);
  const nameTranslations = input.nameTranslations ? validTranslations(input.nameTranslations, MAX_NAME, (m) => badInput('input.nameTranslations', m)) : null;
  const audiences = input.audiences ? [...new Set(input.audiences)] : null;
  return { name, description, parentId, keywords, nameTranslations, audiences };
}

/** A unique-index race ends as the same CONFLICT as the check. */
async function saving<T>(write: () => Promise<T>, name: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('input.name', `A theme named "${name}" already exists`);
    throw error;
  }
}

export async function createTheme(ctx: Context, input: ThemeInput): Promise<ThemeType> {
  const organizationId = orgOf(ctx);
  const theme = validate(input, await themesOf(ctx.db, organizationId), null);
  const now = ctx.app.now();
  const [row]: { id: string }[] = await saving(
    () =>
      ctx.db.query(
        `INSERT INTO themes (organization_id, name, description, parent_id, keywords, created_at, updated_at, name_translations, audiences)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6, $7::jsonb, $8::text[]) RETURNING id`,
        [organizationId, theme.name, theme.description, theme.parentId, JSON.stringify(theme.keywords), now, JSON.stringify(theme.nameTranslations ?? {}), theme.audiences ?? []],
      ),
    theme.name,
  );
  return toThemeType(await ctx.db.findOneByOrFail(ThemeEntity, { id: row.id, organizationId }));
}

export async function updateTheme(ctx: Context, id: string, input: ThemeInput): Promise<ThemeType> {
  const organizationId = orgOf(ctx);
  const themes = await themesOf(ctx.db, organizationId);
  if (!isUuid(id) || !themes.some((t) => t.id === id)) throw notFound('Theme', 'id');
  const theme = validate(input, themes, id);
  await saving(
    () =>
      ctx.db.query(
        `UPDATE themes SET name = $3, description = $4, parent_id = $5, keywords = $6::jsonb, updated_at = $7,
                name_translations = coalesce($8::jsonb, name_translations), audiences = coalesce($9::text[], audiences)
          WHERE id = $1 AND organization_id = $2`,
        [id, organizationId, theme.name, theme.description, theme.parentId, JSON.stringify(theme.keywords), ctx.app.now(),
          theme.nameTranslations ? JSON.stringify(theme.nameTranslations) : null, theme.audiences],
      ),
    theme.name,
  );
  return toThemeType(await ctx.db.findOneByOrFail(ThemeEntity, { id, organizationId }));
}

/**
 * Deletes a theme with its tags and suggestions; its children move to the top level (the foreign
 * key sets their parent to null). Improvements linked to it lose the link.
 */
export async function deleteTheme(ctx: Context, id: string): Promise<boolean> {
  const organizationId = orgOf(ctx);
  if (!isUuid(id)) throw notFound('Theme', 'id');
  const deleted = await updateReturning(ctx.db, `DELETE FROM themes WHERE id = $1 AND organization_id = $2 RETURNING id`, [id, organizationId]);
  if (deleted.length === 0) throw notFound('Theme', 'id');
  return true;
}
