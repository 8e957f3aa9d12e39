import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ACCOUNT_HOLDERS } from '../../kernel/policies.js';
import { NavCount, navCounts } from './nav-counts.js';

@Resolver()
export class HomeResolver {
  @Authorized(...ACCOUNT_HOLDERS)
  @Query(() => [NavCount], {
    description: "What waits for the caller, per menu item, for the menu's badges: one statement per count, only the counts of the caller's roles",
  })
  navCounts(@Ctx() ctx: Context) {
    return navCounts(ctx);
  }
}
