import { Field, ID, InputType } from 'type-graphql';
import { LocalizedTextInput } from '../waves/wave.inputs.js';
import { AudienceEnum } from '../waves/wave.enums.js';
import type { Audience } from '../waves/wave.entity.js';

@InputType('ThemeKeywordsInput')
export class ThemeKeywordsInput {
  @Field(() => String, { description: 'en, pl, da, ru or sl' })
  language: string;

  @Field(() => [String], { description: 'Words or short phrases; trimmed, blank ones refused, duplicates merged' })
  words: string[];
}

/** A theme as created, or as it is after an update (every field is replaced). */
@InputType('ThemeInput')
export class ThemeInput {
  @Field(() => String, { description: '1 to 120 characters, unique in the organization (ignoring case)' })
  name: string;

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'The name per language (en, pl, da, ru, sl; at most 120 characters each); left out on an update: kept as they are' })
  nameTranslations?: LocalizedTextInput[] | null;

  @Field(() => [AudienceEnum], { nullable: true, description: 'The audiences the theme is about; empty or left out on create: every audience; left out on an update: kept' })
  audiences?: Audience[] | null;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'A theme of the same organization; a theme cannot be its own ancestor' })
  parentId?: string | null;

  @Field(() => [ThemeKeywordsInput], { nullable: true, description: 'Keywords per language that suggest this theme; one entry per language' })
  keywords?: ThemeKeywordsInput[] | null;
}
