import { Field, InputType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AudienceEnum, WaveStatusEnum } from './wave.enums.js';
import type { Audience, WaveStatus } from './wave.entity.js';

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

  @Field(() => DateTimeResolver, { nullable: true })
  opensAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'After opensAt' })
  closesAt?: Date | null;

  @Field(() => [String], { nullable: true, description: 'A subset of en, pl, da, ru, sl; all five when left out' })
  languages?: string[] | null;

  @Field(() => [RatingQuestionInput], { nullable: true, description: 'Extra 1–5 ratings asked after the standard questions' })
  ratings?: RatingQuestionInput[] | null;

  @Field(() => [LocalizedTextInput], { nullable: true, description: "The survey title respondents see, in some or all of the wave's languages (at most 200 characters each); the name stays internal" })
  publicTitles?: LocalizedTextInput[] | null;
}

@InputType('WaveFilter')
export class WaveFilter {
  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => WaveStatusEnum, { nullable: true })
  status?: WaveStatus | null;

  @Field(() => String, { nullable: true, description: 'Text found in the name or a public title (at most 100 characters)' })
  search?: string | null;
}
