import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AudienceEnum } from '../waves/wave.enums.js';
import type { Audience } from '../waves/wave.entity.js';
import { THEME_LANGUAGES, type ThemeEntity } from './theme.entity.js';
import { LocalizedText, localizedTexts } from '../waves/wave.type.js';

/** The keywords of one language that suggest a theme. */
@ObjectType('ThemeKeywords')
export class ThemeKeywords {
  @Field(() => String, { description: 'en, pl, da, ru or sl' })
  language: string;

  @Field(() => [String])
  words: string[];
}

/**
 * A theme of the organization's catalogue. `parent` is resolved through the request's loader
 * (themes/theme.resolver.ts), from parentId.
 */
@ObjectType('Theme')
export class ThemeType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The original name' })
  name: string;

  @Field(() => [LocalizedText], { description: 'The name per language; readers see the one in their language, else the original name' })
  nameTranslations: LocalizedText[];

  @Field(() => [AudienceEnum], { description: 'The audiences the theme is about; empty: every audience. Theme results of an audience list only its themes' })
  audiences: Audience[];

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [ThemeKeywords], { description: 'Keywords per language (en, pl, da, ru, sl) that suggest the theme for a comment' })
  keywords: ThemeKeywords[];

  @Field(() => ThemeType, { nullable: true })
  parent: ThemeType | null;

  parentId: string | null;

  static from(row: ThemeEntity): ThemeType {
    return toThemeType(row);
  }
}

/** The API shape of a theme row (parent resolved later through loaders.themeById). */
export function toThemeType(row: ThemeEntity): ThemeType {
  return Object.assign(new ThemeType(), {
    id: row.id,
    name: row.name,
    nameTranslations: localizedTexts(row.nameTranslations),
    audiences: (row.audiences ?? []) as Audience[],
    description: row.description,
    keywords: THEME_LANGUAGES.filter((l) => (row.keywords?.[l]?.length ?? 0) > 0).map((language) =>
      Object.assign(new ThemeKeywords(), { language, words: [...row.keywords[language]!] }),
    ),
    parent: null,
    parentId: row.parentId,
  });
}

@ObjectType('SuggestThemesResult', { description: 'What re-running the matcher over a wave did; employee waves answer no numbers' })
export class SuggestThemesResult {
  @Field(() => Int, { nullable: true, description: 'Commented responses read; null for an employee wave' })
  comments: number | null;

  @Field(() => Int, { nullable: true, description: 'Suggestions added; null for an employee wave' })
  added: number | null;

  @Field(() => Int, { nullable: true, description: 'Suggestions that no longer match, removed; null for an employee wave' })
  removed: number | null;
}
