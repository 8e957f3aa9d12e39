import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NpsCategory } from '@tandem/nps-core';
import { NpsCategoryEnum } from '../../kernel/enums.js';
import { PageInfo } from '../../kernel/connection.js';
import { NotificationType } from '../../identity/notifications/notification.types.js';
import { FollowUpStatusEnum } from '../follow-ups/follow-up.types.js';
import type { FollowUpStatus } from '../follow-ups/follow-up.entity.js';

export const FOLLOW_KINDS = ['ORG_UNIT', 'PRODUCT', 'OWNER'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];
export const FollowKindEnum = { ORG_UNIT: 'ORG_UNIT', PRODUCT: 'PRODUCT', OWNER: 'OWNER' } as const;
registerEnumType(FollowKindEnum, {
  name: 'FollowKind',
  description: 'What a user follows in their feed: an org unit (and every unit below it), a product, or an owner (their contacts)',
});

@ObjectType('Follow', { description: 'Something the caller follows in their feed' })
export class FollowType {
  @Field(() => FollowKindEnum)
  kind: FollowKind;

  @Field(() => String, { description: "The org unit's or owner's id, or the product's name" })
  key: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'Followed without a choice: the caller\'s own contacts' })
  byDefault: boolean;
}

@ObjectType('FollowOption', { description: 'Something the caller may follow' })
export class FollowOptionType {
  @Field(() => String)
  key: string;

  @Field(() => String)
  name: string;
}

@ObjectType('FollowOptions', { description: 'What the caller may follow: org units, products with answers, contact owners' })
export class FollowOptionsType {
  @Field(() => [FollowOptionType])
  orgUnits: FollowOptionType[];

  @Field(() => [FollowOptionType])
  products: FollowOptionType[];

  @Field(() => [FollowOptionType])
  owners: FollowOptionType[];
}

@ObjectType('FeedRef', { description: 'An org unit, wave or person as the feed names it' })
export class FeedRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType('FeedFollowUp', { description: "The answer's follow-up, if it has one" })
export class FeedFollowUp {
  @Field(() => ID)
  id: string;

  @Field(() => FollowUpStatusEnum)
  status: FollowUpStatus;

  @Field(() => FeedRef, { nullable: true })
  owner: FeedRef | null;

  @Field(() => Date)
  dueAt: Date;
}

/** A row of the feed query (feed.service.ts). */
export interface FeedRow {
  id: string;
  wave_id: string;
  contact_id: string | null;
  org_unit_id: string | null;
  owner_id: string | null;
  score: number;
  category: NpsCategory;
  reason: string | null;
  suggestion: string | null;
  product: string | null;
  channel: string | null;
  touchpoint: string | null;
  served_by: string | null;
  served_by_name: string | null;
  submitted_at: Date;
  cursor_time: string;
  read: boolean;
}

@ObjectType('FeedItem', { description: 'An identified answer in the feed: its score, comments and where it comes from' })
export class FeedItemType {
  @Field(() => ID, { description: "The answer's (response's) id" })
  id: string;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Int)
  score: number;

  @Field(() => NpsCategoryEnum)
  category: NpsCategory;

  @Field(() => String, { nullable: true, description: 'Why this score' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'What to improve' })
  suggestion: string | null;

  @Field(() => String, { nullable: true })
  product: string | null;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => String, { nullable: true })
  touchpoint: string | null;

  @Field(() => String, { nullable: true, description: 'Who served the customer (a transaction\'s servedBy), by name' })
  servedByName: string | null;

  @Field(() => Boolean, { description: 'The caller served this customer' })
  servedByMe: boolean;

  @Field(() => Boolean, { description: 'The caller has read it' })
  read: boolean;

  waveId: string;
  contactId: string | null;
  orgUnitId: string | null;
  ownerId: string | null;

  static from(row: FeedRow, userId: string): FeedItemType {
    return Object.assign(new FeedItemType(), {
      id: row.id,
      submittedAt: row.submitted_at,
      score: row.score,
      category: row.category,
      reason: row.reason,
      suggestion: row.suggestion,
      product: row.product,
      channel: row.channel,
      touchpoint: row.touchpoint,
      servedByName: row.served_by_name,
      servedByMe: row.served_by === `user:${userId}`,
      read: row.read,
      waveId: row.wave_id,
      contactId: row.contact_id,
      orgUnitId: row.org_unit_id,
      ownerId: row.owner_id,
    });
  }
}

@ObjectType('FeedEdge')
export class FeedEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => FeedItemType)
  node: FeedItemType;
}

@ObjectType('FeedConnection')
export class FeedConnection {
  @Field(() => [FeedEdge])
  edges: FeedEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Answers the filter selects' })
  totalCount: number;

  @Field(() => Int, { description: 'Of those, the ones the caller has not read' })
  unreadCount: number;

  @Field(() => [NotificationType], { description: "The caller's unread thank-yous (a promoter they served), shown on top; on the first page only" })
  thanks: NotificationType[];
}

@InputType('FeedFilter')
export class FeedFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only answers the caller has not read' })
  unreadOnly?: boolean | null;

  @Field(() => NpsCategoryEnum, { nullable: true })
  category?: NpsCategory | null;

  @Field(() => [ID], { nullable: true, description: 'These org units and every unit below them' })
  orgUnitIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  products?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only answers with a comment (reason or suggestion)' })
  hasComment?: boolean | null;
}
