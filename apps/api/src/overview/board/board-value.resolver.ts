import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { Board } from './board.types.js';
import { RevenueAtRisk, revenueAtRisk } from './revenue-at-risk.js';

@Resolver(() => Board)
export class BoardValueResolver {
  @FieldResolver(() => RevenueAtRisk, {
    nullable: true,
    description:
      "Account value in the board's period: value-weighted NPS and revenue at risk (the annual value held by detractors), per org unit and owner. Customer-side audiences only (EMPLOYEE is BAD_USER_INPUT); null for callers who read employee results only",
  })
  revenueAtRisk(
    @Root() board: Board,
    @Arg('audience', () => AudienceEnum, { defaultValue: 'CUSTOMER' }) audience: Audience,
    @Arg('top', () => Int, { defaultValue: 5, description: 'How many org units and owners to list, 1 to 50' }) top: number,
    @Ctx() ctx: Context,
  ) {
    return revenueAtRisk(ctx, board, audience, top);
  }
}
