import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ResponseType } from '../responses/response.types.js';
import { decideSuggestion, tagResponse, tagResponses } from './tagging.service.js';
import { toThemeType, ThemeType } from './theme.type.js';
import { FEEDBACK_ACTORS } from '../../kernel/policies.js';

async function themesOf(ctx: Context, ids: string[]): Promise<ThemeType[]> {
  const rows = await ctx.loaders.themeById.loadMany(ids);
  return rows.flatMap((row) => (row && !(row instanceof Error) ? [toThemeType(row)] : []));
}

/** Tagging identified responses with themes (tagging.service.ts), and a response's themes. */
@Resolver(() => ResponseType)
export class TaggingResolver {
  @Authorized(...FEEDBACK_ACTORS)
  @Mutation(() => ResponseType, {
    description:
      "Sets the response's accepted themes to exactly these: listed suggestions become accepted, accepted themes not listed are removed, other suggestions stay. A manager tags only their own contacts' responses.",
  })
  tagResponse(@Arg('responseId', () => ID) responseId: string, @Arg('themeIds', () => [ID]) themeIds: string[], @Ctx() ctx: Context) {
    return tagResponse(ctx, responseId, themeIds);
  }

  @Authorized(...FEEDBACK_ACTORS)
  @Mutation(() => [ResponseType], { description: 'Adds these themes (accepted) to every response listed; removes nothing' })
  tagResponses(@Arg('responseIds', () => [ID]) responseIds: string[], @Arg('themeIds', () => [ID]) themeIds: string[], @Ctx() ctx: Context) {
    return tagResponses(ctx, responseIds, themeIds);
  }

  @Authorized(...FEEDBACK_ACTORS)
  @Mutation(() => ResponseType, { description: 'Accepts a suggested theme' })
  acceptSuggestion(@Arg('responseId', () => ID) responseId: string, @Arg('themeId', () => ID) themeId: string, @Ctx() ctx: Context) {
    return decideSuggestion(ctx, responseId, themeId, 'ACCEPTED');
  }

  @Authorized(...FEEDBACK_ACTORS)
  @Mutation(() => ResponseType, { description: 'Dismisses a suggested theme; it is not suggested again' })
  dismissSuggestion(@Arg('responseId', () => ID) responseId: string, @Arg('themeId', () => ID) themeId: string, @Ctx() ctx: Context) {
    return decideSuggestion(ctx, responseId, themeId, 'DISMISSED');
  }

  @FieldResolver(() => [ThemeType], { description: 'Themes the response is tagged with (accepted by a person)' })
  async themes(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<ThemeType[]> {
    return themesOf(ctx, await ctx.loaders.acceptedThemeIdsByResponse.load(response.id));
  }

  @FieldResolver(() => [ThemeType], { description: 'Themes the matcher suggests for the comment, not yet accepted or dismissed' })
  async suggestedThemes(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<ThemeType[]> {
    return themesOf(ctx, await ctx.loaders.suggestedThemeIdsByResponse.load(response.id));
  }
}
