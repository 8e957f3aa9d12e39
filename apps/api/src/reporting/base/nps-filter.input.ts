import { Field, ID, InputType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
// One SegmentInput in the schema: the contacts feature's { key, value } serves the analytics filter too.
import { SegmentInput } from '../../survey/contacts/contact.types.js';
import type { Audience } from '../../survey/waves/wave.entity.js';

/**
 * Which responses an analytics query covers. Every given filter narrows the set (AND); several
 * values of one filter widen it (OR). An empty list is the same as leaving the filter out.
 */
@InputType('NpsFilter')
export class NpsFilter {
  @Field(() => AudienceEnum, { nullable: true })
  audience?: Audience | null;

  @Field(() => [ID], { nullable: true })
  waveIds?: string[] | null;

  @Field(() => DateResolver, { nullable: true, description: 'First day included (UTC)' })
  from?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Last day included (UTC)' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Each unit with its whole subtree, as at answer time' })
  orgUnitIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The contacts' owners at answer time; a manager always sees only their own" })
  ownerIds?: string[] | null;

  @Field(() => [SegmentInput], { nullable: true, description: 'Segments of the contact at answer time (keys as stored: lower snake_case). Values of one key are alternatives; different keys must all match' })
  segments?: SegmentInput[] | null;

  @Field(() => [String], { nullable: true, description: "The transaction's product (identified answers of transactional programmes)" })
  products?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The transaction's channel" })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Who served the customer: user:<id> or ext:<external id>, as npsBreakdown by SERVED_BY keys them' })
  servedBy?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The transaction's touchpoint" })
  touchpoints?: string[] | null;
}
