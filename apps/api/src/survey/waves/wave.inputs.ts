import { Field, InputType, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AudienceEnum, WaveKindEnum, WaveStatusEnum } from './wave.enums.js';
import type { Audience, WaveKind, WaveStatus } from './wave.entity.js';
import { MAX_REMINDERS, REMINDER_DAYS } from './reminder-rule.js';

@InputType('LocalizedTextInput')
export class LocalizedTextInput {
  @Field(() => String)
  language: string;

  @Field(() => String)
  text: string;
}

@InputType('RatingQuestionInput', { description: 'An extra rating question, answered 1–5' })
export class RatingQuestionInput {
  @Field(() => String, { description: 'Key answers refer to: lowercase letters, digits and _, starting with a letter (e.g. "delivery_speed")' })
  criterion: string;

  @Field(() => [LocalizedTextInput], { description: "The question's text in each of the wave's languages" })
  texts: LocalizedTextInput[];
}

@InputType('CreateWaveInput')
export class CreateWaveInput {
  @Field(() => String, { description: '1 to 200 characters' })
  name: string;

  @Field(() => AudienceEnum, { description: 'EMPLOYEE waves are always anonymous and run by HR' })
  audience: Audience;

  @Field(() => DateTimeResolver, { nullable: true, description: 'A moment still to come opens the wave by itself then; one already past is only recorded' })
  opensAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'After opensAt; the open wave closes by itself then (an employee wave is released)' })
  closesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: `Reminder rule: non-respondents are reminded this many days (${REMINDER_DAYS.join(' to ')}) after their invitation or last reminder; give maxReminders with it` })
  reminderAfterDays?: number | null;

  @Field(() => Int, { nullable: true, description: `Reminder rule: at most this many reminders per person (${MAX_REMINDERS.join(' to ')})` })
  maxReminders?: number | null;

  @Field(() => [String], { nullable: true, description: 'A subset of en, pl, da, ru, sl; all five when left out' })
  languages?: string[] | null;

  @Field(() => [RatingQuestionInput], { nullable: true, description: 'Extra 1–5 ratings asked after the standard questions' })
  ratings?: RatingQuestionInput[] | null;

  @Field(() => [LocalizedTextInput], { nullable: true, description: "The survey title respondents see, in some or all of the wave's languages (at most 200 characters each); the name stays internal" })
  publicTitles?: LocalizedTextInput[] | null;
}

@InputType('UpdateWaveInput', { description: 'Fields left out stay as they are' })
export class UpdateWaveInput {
  @Field(() => String, { nullable: true, description: '1 to 200 characters' })
  name?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'While the wave is a draft; null clears it. A moment still to come opens the wave by itself then' })
  opensAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'While the wave is a draft or open, after opensAt (and, when open, still to come); null clears it' })
  closesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: `Days (${REMINDER_DAYS.join(' to ')}) after the last mail a non-respondent is reminded; null with maxReminders null removes the rule` })
  reminderAfterDays?: number | null;

  @Field(() => Int, { nullable: true, description: `At most this many reminders per person (${MAX_REMINDERS.join(' to ')})` })
  maxReminders?: number | null;
}

@InputType('WaveFilter')
export class WaveFilter {
  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => WaveStatusEnum, { nullable: true })
  status?: WaveStatus | null;

  @Field(() => WaveKindEnum, { nullable: true, description: 'Waves or transactional programmes only; both when left out' })
  kind?: WaveKind | null;

  @Field(() => String, { nullable: true, description: 'Text found in the name or a public title (at most 100 characters)' })
  search?: string | null;
}
