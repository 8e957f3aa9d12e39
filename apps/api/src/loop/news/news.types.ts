import { DateResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { ImprovementEffectType, ImprovementType } from '../improvements/improvement.types.js';
import { DiscussionCoverage } from '../discussions/discussion.types.js';

@ObjectType('NewsImprovement', { description: 'An improvement implemented in the period, with its measured effect where the reader may see it' })
export class NewsImprovement {
  @Field(() => ImprovementType)
  improvement: ImprovementType;

  @Field(() => String, { description: 'The title in the reader’s language' })
  title: string;

  @Field(() => ImprovementEffectType, { nullable: true, description: 'Null when not measurable yet or not readable by the caller (the first few only)' })
  effect: ImprovementEffectType | null;
}

@ObjectType('NewsAward', { description: 'An award finalized in the period' })
export class NewsAward {
  @Field(() => String)
  period: string;

  @Field(() => String)
  category: string;

  @Field(() => String)
  winnerName: string;

  @Field(() => Float)
  value: number;

  @Field(() => Date)
  finalizedAt: Date;
}

@ObjectType('NewsQuote', { description: 'One entry of a "you said, we did" page: what the people surveyed asked for, and what was done' })
export class NewsQuote {
  @Field(() => String, { description: 'The survey’s public title' })
  waveName: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateResolver)
  implementedOn: Date;
}

@ObjectType('ProgrammeNews', { description: 'What changed in the programme in a period: improvements implemented and their effect, awards, discussion coverage, a quote' })
export class ProgrammeNews {
  @Field(() => DateResolver)
  from: Date;

  @Field(() => DateResolver)
  to: Date;

  @Field(() => [NewsImprovement], { description: 'Newest first, at most 20' })
  implemented: NewsImprovement[];

  @Field(() => [NewsAward])
  awards: NewsAward[];

  @Field(() => [DiscussionCoverage], { description: 'Per wave closed in the period, newest first' })
  coverage: DiscussionCoverage[];

  @Field(() => NewsQuote, { nullable: true })
  quote: NewsQuote | null;
}
