import { RosterArrivals } from '../employees/roster-changes.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AudienceEnum } from '../waves/wave.enums.js';
import type { Audience } from '../waves/wave.entity.js';

/** One question as the respondent sees it, in the page's language. */
@ObjectType('PublicQuestion')
export class PublicQuestion {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'NPS (0–10), REASON and SUGGESTION (free text), RATING (1–5 on a criterion)' })
  kind: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true, description: 'RATING only: the key an answer names in RatingInput.criterion' })
  criterion: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest allowed value for NPS and RATING questions' })
  min: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest allowed value for NPS and RATING questions' })
  max: number | null;

  @Field(() => Int, { nullable: true, description: 'Longest allowed answer for free-text questions, in characters' })
  maxLength: number | null;
}

/** What a respondent's link shows. No login; the token is the key. */
@ObjectType('PublicSurvey')
export class PublicSurvey {
  @Field(() => String, { description: "The survey's public title in the page's language (a neutral default when the wave has none); never the internal wave name" })
  title: string;

  @Field(() => String, { deprecationReason: 'Use title: this is the same public title; the internal wave name is not shown to respondents' })
  waveName: string;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => String, { description: 'The language of the question texts' })
  language: string;

  @Field(() => [String], { description: "The wave's languages, for a language switch" })
  languages: string[];

  @Field(() => [PublicQuestion])
  questions: PublicQuestion[];

  @Field(() => Boolean, { description: 'This link was used to answer already; it cannot answer again' })
  alreadyAnswered: boolean;

  @Field(() => Boolean, { description: 'The wave no longer takes answers' })
  closed: boolean;

  @Field(() => Date, { nullable: true })
  closesAt: Date | null;

  @Field(() => Boolean, { description: 'The contact has unsubscribed from surveys; always false for an employee survey' })
  unsubscribed: boolean;

  @Field(() => Boolean, {
    description:
      'An anonymous employee survey: the answer is stored without the name, the link or the time of answering (the date only), ' +
      'and results are shown only for groups of at least anonymityThreshold people',
  })
  anonymous: boolean;

  @Field(() => Int, { nullable: true, description: "Anonymous surveys: the organization's reporting threshold k; null for identified surveys" })
  anonymityThreshold: number | null;

  @Field(() => [RosterArrivals], {
    nullable: true,
    description:
      "Employee surveys: per unit, how many people were added to the roster in it (or moved into it, or back) in the 30 days before the wave opened — counts only, units with at least one; null for identified surveys",
  })
  rosterArrivals?: RosterArrivals[] | null;
}

/** The frame of a respondent's page other than the survey (unsubscribe): which language, which to offer. */
@ObjectType('RespondentPage')
export class RespondentPage {
  @Field(() => String, { description: "The page's language, by the same rule as the mail and the survey: the person's language if the wave has it, else the wave's first" })
  language: string;

  @Field(() => [String], { description: "The wave's languages, for a language switch" })
  languages: string[];

  @Field(() => String, { description: "The survey's public title in that language" })
  title: string;
}

@InputType('RatingInput')
export class RatingInput {
  @Field(() => String)
  criterion: string;

  @Field(() => Int, { description: '1 to 5' })
  value: number;
}

@InputType('ResponseInput')
export class ResponseInput {
  @Field(() => Int, { description: '0 to 10' })
  score: number;

  @Field(() => String, { nullable: true, description: 'The main reason for the score; at most 5,000 characters' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'What we could do better; at most 5,000 characters' })
  suggestion?: string | null;

  @Field(() => String, { nullable: true, description: "One of the wave's languages; the survey's language when left out" })
  language?: string | null;

  @Field(() => [RatingInput], { nullable: true, description: "At most one per criterion of the wave's RATING questions" })
  ratings?: RatingInput[] | null;
}

@ObjectType('SubmitResult')
export class SubmitResult {
  @Field(() => Boolean)
  ok: boolean;
}
