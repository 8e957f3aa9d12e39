import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ThemeInput } from './theme.inputs.js';
import { createTheme, deleteTheme, listThemes, updateTheme } from './theme.service.js';
import { suggestThemes } from './suggest.service.js';
import { SuggestThemesResult, toThemeType, ThemeType } from './theme.type.js';
import { THEME_EDITORS, SURVEY_READERS } from '../../kernel/policies.js';

/** The theme catalogue: read by everyone who tags or reads results, edited by CX, HR and ADMIN. */
@Resolver(() => ThemeType)
export class ThemeResolver {
  @Authorized(...SURVEY_READERS)
  @Query(() => [ThemeType], { description: "The organization's theme catalogue, by name" })
  themes(@Ctx() ctx: Context) {
    return listThemes(ctx);
  }

  @Authorized(...THEME_EDITORS)
  @Mutation(() => SuggestThemesResult, {
    description: "Re-runs the keyword matcher over a wave's comments (after the catalogue changed); accepted and dismissed themes stay as they are",
  })
  suggestThemes(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return suggestThemes(ctx, waveId);
  }

  @Authorized(...THEME_EDITORS)
  @Mutation(() => ThemeType, { description: 'Adds a theme to the catalogue. Run suggestThemes over a wave to apply new keywords to its comments.' })
  createTheme(@Arg('input', () => ThemeInput) input: ThemeInput, @Ctx() ctx: Context) {
    return createTheme(ctx, input);
  }

  @Authorized(...THEME_EDITORS)
  @Mutation(() => ThemeType, { description: "Replaces a theme's name, description, parent and keywords" })
  updateTheme(@Arg('id', () => ID) id: string, @Arg('input', () => ThemeInput) input: ThemeInput, @Ctx() ctx: Context) {
    return updateTheme(ctx, id, input);
  }

  @Authorized(...THEME_EDITORS)
  @Mutation(() => Boolean, { description: 'Deletes a theme with its tags and suggestions; its children move to the top level' })
  deleteTheme(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return deleteTheme(ctx, id);
  }

  @FieldResolver(() => ThemeType, { nullable: true })
  async parent(@Root() theme: ThemeType, @Ctx() ctx: Context): Promise<ThemeType | null> {
    if (!theme.parentId) return null;
    const row = await ctx.loaders.themeById.load(theme.parentId);
    return row ? toThemeType(row) : null;
  }
}
