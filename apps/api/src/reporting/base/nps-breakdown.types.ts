import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NpsSummary } from './nps-summary.type.js';

/** The dimensions of every audience: employee results break down by these too (through the anonymity guard). */
export const BREAKDOWN_DIMENSIONS = ['ORG_UNIT', 'OWNER', 'WAVE', 'AUDIENCE', 'SEGMENT'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/**
 * The attributes of a transaction an answer of a transactional programme carries (issue 19), with
 * their rollup dimension and response column (migration TransactionRollups). Identified answers
 * only: an employee breakdown by one is refused before it reaches the anonymity guard.
 */
export const TRANSACTION_DIMENSIONS = { PRODUCT: 'product', CHANNEL: 'channel', SERVED_BY: 'served_by', TOUCHPOINT: 'touchpoint' } as const;
export type TransactionDimension = keyof typeof TRANSACTION_DIMENSIONS;

/** Every value of the GraphQL enum BreakdownDimension. */
export type AnyBreakdownDimension = BreakdownDimension | TransactionDimension;
export const isTransactionDimension = (by: AnyBreakdownDimension): by is TransactionDimension => Object.hasOwn(TRANSACTION_DIMENSIONS, by);
export const BreakdownDimensionEnum = Object.fromEntries(
  [...BREAKDOWN_DIMENSIONS, ...(Object.keys(TRANSACTION_DIMENSIONS) as TransactionDimension[])].map((d) => [d, d]),
) as { [K in AnyBreakdownDimension]: K };
registerEnumType(BreakdownDimensionEnum, {
  name: 'BreakdownDimension',
  description:
    'What npsBreakdown groups by; SEGMENT needs a segmentKey. PRODUCT, CHANNEL, SERVED_BY and TOUCHPOINT are the attributes of a transaction (identified answers only; answers without one are in no group)',
});

/** The key of the group of answers without a value of the dimension (no org unit, no owner, no segment value). */
export const UNASSIGNED_KEY = 'unassigned';

/** One group of a breakdown: plain values, read by graphql's default resolver (simpleResolvers). */
@ObjectType('NpsGroup', { simpleResolvers: true })
export class NpsGroup {
  @Field(() => String, {
    description:
      'Org unit, owner or wave id, audience, segment value, product, channel, touchpoint, or the serving employee (user:<id> or ext:<external id>); "unassigned" for the group without one',
  })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => NpsSummary)
  summary: NpsSummary;

  static of(key: string, label: string, summary: NpsSummary): NpsGroup {
    return Object.assign(new NpsGroup(), { key, label, summary });
  }
}
