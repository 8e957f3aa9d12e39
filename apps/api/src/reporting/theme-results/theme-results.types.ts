import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { ThemeType } from '../../survey/themes/theme.type.js';

@ObjectType('ThemeResult', {
  description:
    'One theme over the responses of a filter. Identified audiences count ACCEPTED tags; employee answers count the themes the matcher found, ' +
    'released only by the anonymity guard (suppressed: every number null).',
})
export class ThemeResult {
  @Field(() => ThemeType)
  theme: ThemeType;

  @Field(() => Boolean, { description: 'Hidden for anonymity (employee answers): every number below is null' })
  suppressed: boolean;

  @Field(() => NpsSummary, { description: 'The responses that mention the theme: their count per category, their NPS with its 95 % interval' })
  mentions: NpsSummary;

  @Field(() => Float, { nullable: true, description: 'Mentions ÷ all responses of the filter, 0..1' })
  share: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Impact on the NPS (nps-core themeImpact): the NPS of all the filter's responses minus the NPS of those not mentioning the theme. " +
      'Positive: the theme lifts the NPS (its mentioners are happier than the rest); negative: it pulls the NPS down. Null without mentions or when no response is left without them.',
  })
  impact: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Half-width of this theme's own 95 % interval of the impact: 1.96 · share · √(SE_mentioners² + SE_rest²) (disjoint groups, adjusted-Wald SEs)",
  })
  impactMargin: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the impact\'s 95 % interval' })
  impactLow: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the impact\'s 95 % interval' })
  impactHigh: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The interval excludes 0' })
  impactSignificant: boolean | null;
}

@ObjectType('ThemeCount')
export class ThemeCount {
  @Field(() => ThemeType)
  theme: ThemeType;

  @Field(() => Int)
  count: number;

  @Field(() => Float, { description: 'count ÷ the responses of that category, 0..1' })
  share: number;
}

@ObjectType('BoardTopThemes', { description: "An audience's most mentioned themes among its detractors and among its promoters in the board's period" })
export class BoardTopThemes {
  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => [ThemeCount], { description: 'At most 5, most mentioned first; employee themes only when the anonymity guard releases them' })
  amongDetractors: ThemeCount[];

  @Field(() => [ThemeCount])
  amongPromoters: ThemeCount[];

  @Field(() => [ThemeCount], {
    description: "EMPLOYEE: the themes most mentioned in the period's released comments (share of answers); employee themes are never split by category. Empty for identified audiences",
  })
  mentioned: ThemeCount[];

  @Field(() => Boolean, { description: 'EMPLOYEE: the period has too few answers to show any theme' })
  suppressed: boolean;
}
