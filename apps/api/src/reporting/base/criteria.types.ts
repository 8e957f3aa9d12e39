import { Field, Float, Int, ObjectType } from 'type-graphql';

/** One criterion's 1–5 ratings over the filtered responses: mean with its 95 % t-interval and the counts of each value. */
@ObjectType('CriterionResult')
export class CriterionResult {
  @Field(() => String, { description: 'The criterion key the waves ask it under (e.g. communication)' })
  criterion: string;

  @Field(() => Int, { nullable: true, description: 'Ratings given; null when suppressed' })
  n: number | null;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95 % t-interval of the mean, clipped to the 1–5 scale (null below 2 ratings)' })
  ciLow: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'How many rated 1, 2, 3, 4 and 5 (five counts); employee results only where a wave had at least 2k ratings of it',
  })
  distribution: number[] | null;

  @Field(() => Boolean, { description: 'Fewer ratings than the key-driver minimum (30): read the mean with care' })
  lowSample: boolean;

  @Field(() => Boolean, { description: 'Employee results: hidden by the anonymity guard (every number null)' })
  suppressed: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When suppressed: THRESHOLD (fewer than k ratings, or the wave total hidden) or NOT_RELEASED (a wave still runs, or was released before criteria were)',
  })
  hiddenReason: string | null;

  @Field(() => Int, { nullable: true, description: 'Ratings in the previous period of the same length (only when the filter has from and to)' })
  previousN: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean in the previous period of the same length (only when the filter has from and to)' })
  previousMean: number | null;
}

/** One criterion's relation to the 0–10 score: Pearson correlation with its 95 % Fisher-z interval. */
@ObjectType('KeyDriver')
export class KeyDriver {
  @Field(() => String)
  criterion: string;

  @Field(() => Int, { description: '1 = the strongest positive correlation with the score' })
  rank: number;

  @Field(() => Int, { description: 'Responses with both the score and this rating' })
  n: number;

  @Field(() => Float, { nullable: true, description: 'Pearson correlation of the rating with the 0–10 score; null when either does not vary' })
  correlation: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95 % Fisher-z interval (null below 4 responses)' })
  ciLow: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh: number | null;

  @Field(() => Boolean, { description: 'Fewer than 30 responses: the ranking of this criterion is not reliable' })
  lowSample: boolean;
}
