import { DateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { userOf } from '../../kernel/context.js';
import { NEWS_READERS } from '../../kernel/policies.js';
import { programmeNews } from './news.service.js';
import { ProgrammeNews } from './news.types.js';

@Resolver()
export class NewsResolver {
  @Authorized(...NEWS_READERS)
  @Query(() => ProgrammeNews, { description: 'What changed in the programme from..to (inclusive; by default the last 30 days): improvements implemented and their effect, awards, discussion coverage, a quote' })
  async programmeNews(
    @Arg('from', () => DateResolver, { nullable: true }) from: Date | null,
    @Arg('to', () => DateResolver, { nullable: true }) to: Date | null,
    @Ctx() ctx: Context,
  ) {
    const user = await ctx.loaders.user.load(userOf(ctx).id);
    return programmeNews(ctx, { from, to }, user?.language ?? 'en');
  }
}
