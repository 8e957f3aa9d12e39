import { DateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { NpsCategory } from '@tandem/nps-core';
import { ConnectionType } from '../../kernel/connection.js';
import { AudienceEnum } from '../waves/wave.enums.js';
import { NpsCategoryEnum } from '../../kernel/enums.js';
import { SegmentType } from '../contacts/contact.types.js';
import type { Audience } from '../waves/wave.entity.js';
import type { ResponseEntity } from './response.entity.js';

@ObjectType('Rating')
export class RatingType {
  @Field(() => String)
  criterion: string;

  @Field(() => Int, { description: '1 to 5' })
  value: number;
}

/**
 * An identified answer (customer, candidate, associate). Employee answers are never listed one by
 * one and do not live in this table. The invitation it spent stays private.
 */
@ObjectType('Response')
export class ResponseType {
  @Field(() => ID)
  id: string;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => Int, { description: '0 to 10' })
  score: number;

  @Field(() => NpsCategoryEnum)
  category: NpsCategory;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  suggestion: string | null;

  @Field(() => String)
  language: string;

  @Field(() => [RatingType])
  ratings: RatingType[];

  @Field(() => [SegmentType], { description: "The contact's segment attributes when they answered" })
  segments: SegmentType[];

  @Field(() => Date)
  submittedAt: Date;

  /** The row's own updatedAt; Response.updatedAt adds its themes' changes (response.resolver.ts). */
  rowUpdatedAt: Date;

  /** Resolved through the request's loaders. */
  waveId: string;
  contactId: string | null;
  orgUnitId: string | null;
  ownerId: string | null;

  static from(row: ResponseEntity): ResponseType {
    return Object.assign(new ResponseType(), {
      id: row.id,
      audience: row.audience,
      score: row.score,
      category: row.category,
      reason: row.reason,
      suggestion: row.suggestion,
      language: row.language,
      ratings: row.ratings.map((r) => Object.assign(new RatingType(), r)),
      segments: SegmentType.list(row.segments),
      submittedAt: row.submittedAt,
      rowUpdatedAt: row.updatedAt,
      waveId: row.waveId,
      contactId: row.contactId,
      orgUnitId: row.orgUnitId,
      ownerId: row.ownerId,
    });
  }
}

@InputType('ResponseFilter')
export class ResponseFilter {
  @Field(() => [ID], { nullable: true })
  waveIds?: string[] | null;

  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => NpsCategoryEnum, { nullable: true })
  category?: NpsCategory | null;

  @Field(() => DateResolver, { nullable: true, description: 'Submitted on or after this day (UTC)' })
  from?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Submitted on or before this day (UTC)' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Tagged (accepted) with any of these themes' })
  themeIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: with no accepted theme yet (the tagging queue); false: with at least one' })
  untagged?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: with a reason or a suggestion; false: with neither' })
  hasComment?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Owned (at answer time) by any of these users' })
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'In any of these org units (at answer time)' })
  orgUnitIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Changed at or after this moment (updatedAt: submitted, or its themes changed): an incremental sync' })
  updatedSince?: Date | null;
}

export const ResponseConnection = ConnectionType('Response', ResponseType);
