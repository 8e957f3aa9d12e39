import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType } from '../../kernel/connection.js';
import { AudienceEnum, WaveKindEnum, WaveStatusEnum } from './wave.enums.js';
import { NpsCategoryEnum } from '../../kernel/enums.js';
import type { NpsCategory } from '@tandem/nps-core';
import { WAVE_LANGUAGES } from './default-questions.js';
import { QUESTION_KINDS, type QuestionKind, type WaveQuestionEntity } from './wave-question.entity.js';
import type { Audience, WaveEntity, WaveKind, WaveStatus } from './wave.entity.js';

@ObjectType('LocalizedText')
export class LocalizedText {
  @Field(() => String, { description: 'Language code: en, pl, da, ru or sl' })
  language: string;

  @Field(() => String)
  text: string;
}

/** A language → text map as LocalizedText rows, in the order of the five languages, then any others. */
export function localizedTexts(texts: Record<string, string> | null | undefined): LocalizedText[] {
  const map = texts ?? {};
  const known = WAVE_LANGUAGES.filter((language) => language in map);
  const others = Object.keys(map).filter((language) => !known.includes(language as never));
  return [...known, ...others].map((language) => Object.assign(new LocalizedText(), { language, text: map[language] }));
}

@ObjectType('WaveQuestion')
export class WaveQuestionType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: `${QUESTION_KINDS.join(', ')}: NPS is answered 0–10, RATING 1–5, the others in free text` })
  kind: QuestionKind;

  @Field(() => String, { nullable: true, description: 'For RATING questions: the criterion key answers refer to' })
  criterion: string | null;

  @Field(() => [LocalizedText], { description: "The question's text in each of the wave's languages" })
  texts: LocalizedText[];

  static from(question: WaveQuestionEntity): WaveQuestionType {
    const known = WAVE_LANGUAGES.filter((language) => language in question.texts);
    const others = Object.keys(question.texts).filter((language) => !known.includes(language as never));
    return Object.assign(new WaveQuestionType(), {
      id: question.id,
      kind: question.kind,
      criterion: question.criterion,
      texts: [...known, ...others].map((language) => Object.assign(new LocalizedText(), { language, text: question.texts[language] })),
    });
  }
}

/** The four stages of a wave (PRODUCT.md section 2), each with its progress. */
@ObjectType('WaveStages')
export class WaveStages {
  @Field(() => Float, { description: 'Survey: the response rate, 0..1 (0 before anyone is invited)' })
  survey: number;

  @Field(() => Float, { nullable: true, description: "First reaction: share of detractors reached within the follow-up SLA, 0..1; null without detractors" })
  firstReaction: number | null;

  @Field(() => Float, { nullable: true, description: 'Analysis: share of commented responses (reason or suggestion) with at least one accepted theme, 0..1; null without comments, and for employee waves (nobody tags an employee answer)' })
  analysis: number | null;

  @Field(() => Int, { description: 'Improvements from this wave implemented' })
  improvements: number;
}

/** One identified response's free texts, for the latest comments of a wave. */
@ObjectType('WaveComment')
export class WaveComment {
  @Field(() => Int)
  score: number;

  @Field(() => NpsCategoryEnum)
  category: NpsCategory;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  suggestion: string | null;

  @Field(() => String)
  language: string;

  @Field(() => DateTimeResolver)
  submittedAt: Date;
}

/** A survey wave. Counts, summary, stages and comments are field resolvers batched per request. */
@ObjectType('Wave')
export class WaveType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => WaveStatusEnum)
  status: WaveStatus;

  @Field(() => WaveKindEnum)
  kind: WaveKind;

  @Field(() => String, { nullable: true, description: 'A transactional programme\'s touchpoint, e.g. "placement"; null for a wave' })
  touchpoint: string | null;

  @Field(() => Int, { nullable: true, description: 'A transactional programme\'s minutes between a transaction and its invitation; null for a wave' })
  sendDelayMinutes: number | null;

  @Field(() => Boolean, { description: 'True for EMPLOYEE waves: answers are never linked to a person' })
  anonymous: boolean;

  @Field(() => [String], { description: 'Language codes the wave is run in' })
  languages: string[];

  @Field(() => [LocalizedText], { description: 'The survey title respondents see, per language (a neutral default where missing); the name stays internal' })
  publicTitles: LocalizedText[];

  @Field(() => DateTimeResolver, { nullable: true })
  opensAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  closesAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Reminder rule: non-respondents are reminded this many days after their last mail; null without a rule' })
  reminderAfterDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Reminder rule: at most this many reminders per person' })
  maxReminders: number | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the wave was opened (openWave, or by itself at opensAt)' })
  openedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the wave was closed (closeWave, or by itself at closesAt)' })
  closedAt: Date | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  static from(wave: WaveEntity): WaveType {
    return Object.assign(new WaveType(), {
      id: wave.id,
      name: wave.name,
      audience: wave.audience,
      status: wave.status,
      kind: wave.kind,
      touchpoint: wave.touchpoint,
      sendDelayMinutes: wave.sendDelayMinutes,
      anonymous: wave.anonymous,
      languages: wave.languages,
      publicTitles: localizedTexts(wave.publicTitles),
      opensAt: wave.opensAt,
      closesAt: wave.closesAt,
      reminderAfterDays: wave.reminderAfterDays,
      maxReminders: wave.maxReminders,
      openedAt: wave.openedAt,
      closedAt: wave.closedAt,
      createdAt: wave.createdAt,
    });
  }
}

export const WaveConnection = ConnectionType('Wave', WaveType);
