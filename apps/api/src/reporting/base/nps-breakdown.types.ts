import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NpsSummary } from './nps-summary.type.js';

export const BREAKDOWN_DIMENSIONS = ['ORG_UNIT', 'OWNER', 'WAVE', 'AUDIENCE', 'SEGMENT'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const BreakdownDimensionEnum = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, d])) as { [K in BreakdownDimension]: K };
registerEnumType(BreakdownDimensionEnum, {
  name: 'BreakdownDimension',
  description: 'What npsBreakdown groups by; SEGMENT needs a segmentKey',
});

/** The key of the group of answers without a value of the dimension (no org unit, no owner, no segment value). */
export const UNASSIGNED_KEY = 'unassigned';

/** One group of a breakdown. */
@ObjectType('NpsGroup')
export class NpsGroup {
  @Field(() => String, { description: 'Org unit, owner or wave id, audience, or segment value; "unassigned" for the group without one' })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => NpsSummary)
  summary: NpsSummary;

  static of(key: string, label: string, summary: NpsSummary): NpsGroup {
    return Object.assign(new NpsGroup(), { key, label, summary });
  }
}
