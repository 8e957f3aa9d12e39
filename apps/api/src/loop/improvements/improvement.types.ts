import { DateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kernel/connection.js';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import { ImprovementStatusEnum, type ImprovementStatus } from './improvement.enums.js';
import { NpsSummary } from '../../reporting/base/nps-summary.type.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { LocalizedTextInput } from '../../survey/waves/wave.inputs.js';
import { LocalizedText, localizedTexts } from '../../survey/waves/wave.type.js';
import { isOverdue } from './improvement-status.js';
import type { ImprovementEntity, ImprovementEventEntity } from './improvement.entity.js';

const dayOf = (day: string | null): Date | null => (day ? new Date(`${day}T00:00:00Z`) : null);

/** An initiative logged because of feedback, with its links, history and measured effect. */
@ObjectType('Improvement')
export class ImprovementType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The original title' })
  title: string;

  @Field(() => [LocalizedText], { description: 'The title per language; readers (and the public page) see the one in their language, else the original' })
  titleTranslations: LocalizedText[];

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ImprovementStatusEnum, { description: 'PROPOSED → PLANNED → IN_PROGRESS → IMPLEMENTED → VERIFIED, or REJECTED from PROPOSED, PLANNED or IN_PROGRESS' })
  status: ImprovementStatus;

  @Field(() => AudienceEnum, { nullable: true, description: 'The audience it targets; null: the identified audiences together' })
  audience: Audience | null;

  @Field(() => DateResolver, { nullable: true })
  dueDate: Date | null;

  @Field(() => Boolean, { description: 'The due date has passed and it is not IMPLEMENTED, VERIFIED or REJECTED' })
  overdue: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it first reached IMPLEMENTED' })
  implementedAt: Date | null;

  /** Resolved through the request's loaders. */
  ownerId: string | null;
  orgUnitId: string | null;
  createdById: string | null;

  static from(row: ImprovementEntity, now: Date): ImprovementType {
    return Object.assign(new ImprovementType(), {
      id: row.id,
      title: row.title,
      titleTranslations: localizedTexts(row.titleTranslations),
      description: row.description,
      status: row.status,
      audience: row.audience,
      dueDate: dayOf(row.dueDate),
      overdue: isOverdue(row.status, row.dueDate, now),
      createdAt: row.createdAt,
      implementedAt: row.implementedAt,
      ownerId: row.ownerId,
      orgUnitId: row.orgUnitId,
      createdById: row.createdBy,
    });
  }
}

@ObjectType('ImprovementEvent', { description: 'One status change; creation is from null to PROPOSED' })
export class ImprovementEventType {
  @Field(() => ImprovementStatusEnum, { nullable: true })
  from: ImprovementStatus | null;

  @Field(() => ImprovementStatusEnum)
  to: ImprovementStatus;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Date)
  at: Date;

  /** Resolved to User (`by`) through the request's loader. */
  byId: string | null;

  static from(row: ImprovementEventEntity): ImprovementEventType {
    return Object.assign(new ImprovementEventType(), { from: row.fromStatus, to: row.toStatus, note: row.note, at: row.at, byId: row.byId });
  }
}

@ObjectType('ImprovementEffect', {
  description:
    'The NPS of the group an implemented improvement targets (its audience, its org unit with its subtree, and when it has themes the ' +
    'responses tagged with them) in the 90 days before the day it was implemented and the 90 days from that day on (clipped at today)',
})
export class ImprovementEffectType {
  @Field(() => NpsSummary)
  before: NpsSummary;

  @Field(() => NpsSummary)
  after: NpsSummary;

  @Field(() => Float, { nullable: true, description: 'after.nps − before.nps; null when a side has no responses or is suppressed' })
  change: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the change is significant at 95 % (nps-core compareNps); null with change' })
  significant: boolean | null;

  @Field(() => DateResolver, { description: 'First day of the period before' })
  beforeFrom: Date;

  @Field(() => DateResolver, { description: 'Last day of the period before (the day before implementation)' })
  beforeTo: Date;

  @Field(() => DateResolver, { description: 'First day of the period after (the day of implementation)' })
  afterFrom: Date;

  @Field(() => DateResolver, { description: 'Last day of the period after: 89 days later, or today if sooner' })
  afterTo: Date;

  @Field(() => Boolean, { description: 'For EMPLOYEE improvements: themes do not narrow the group (employee answers are never selected by theme here)' })
  themesApplied: boolean;

  @Field(() => Boolean, {
    description: "Too early to tell: the period after has fewer answers than minimumResponses (or none released); change stays computed, but says little yet",
  })
  tooEarly: boolean;

  @Field(() => Int, { description: "The organization's minimum of answers for a result (its leaderboard minimum, default 10) that the period after needs" })
  minimumResponses: number;
}

/** A wave the improvement is linked to as a whole, or one org unit of it. */
@ObjectType('ImprovementWave')
export class ImprovementWaveType {
  /** Resolved through the request's loaders. */
  waveId: string;
  orgUnitId: string | null;
}

@InputType('ImprovementWaveInput', { description: 'A wave as a whole, or one org unit of it (how employee feedback is linked: never one answer)' })
export class ImprovementWaveInput {
  @Field(() => ID)
  waveId: string;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;
}

@InputType('CreateImprovementInput')
export class CreateImprovementInput {
  @Field(() => String, { description: '1 to 200 characters' })
  title: string;

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'The title per language (en, pl, da, ru, sl; at most 200 characters each)' })
  titleTranslations?: LocalizedTextInput[] | null;

  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'A user of the organization; left out: the creator' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => DateResolver, { nullable: true })
  dueDate?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Waves linked as a whole (use `waves` for a wave with an org unit)' })
  waveIds?: string[] | null;

  @Field(() => [ImprovementWaveInput], { nullable: true })
  waves?: ImprovementWaveInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Identified responses (never employee answers)' })
  responseIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  followUpIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  themeIds?: string[] | null;
}

@InputType('UpdateImprovementInput', { description: 'Fields left out stay as they are; null clears an optional one' })
export class UpdateImprovementInput {
  @Field(() => String, { nullable: true, description: '1 to 200 characters' })
  title?: string | null;

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'Replaces the title per language; an empty list or null clears them' })
  titleTranslations?: LocalizedTextInput[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => DateResolver, { nullable: true })
  dueDate?: Date | null;
}

@InputType('ImprovementFilter')
export class ImprovementFilter {
  @Field(() => ImprovementStatusEnum, { nullable: true })
  status?: ImprovementStatus | null;

  @Field(() => [ID], { nullable: true })
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Linked to any of these themes' })
  themeIds?: string[] | null;

  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => [ID], { nullable: true, description: "Linked to any of these waves: as a wave, or through a linked response or follow-up of it" })
  waveIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'In any of these org units, each with its subtree' })
  orgUnitIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue ones; false: only those not overdue' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Text found in the title (or its translations) or description (at most 100 characters)' })
  search?: string | null;
}

export const ImprovementConnection = ConnectionType('Improvement', ImprovementType);
