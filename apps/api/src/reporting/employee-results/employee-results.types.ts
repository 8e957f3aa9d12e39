import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NpsSummary } from '../base/nps-summary.type.js';

/** Employee comments of a released group: shuffled, undated, unattributed. */
@ObjectType('CommentsResult')
export class CommentsResult {
  @Field(() => Boolean, { description: "True when the group's comments are not released: no comments then" })
  suppressed: boolean;

  @Field(() => String, { nullable: true, description: 'Why not released: THRESHOLD, PROTECTS_SMALLER or NOT_RELEASED (the wave still runs)' })
  hiddenReason: string | null;

  @Field(() => [String], { description: 'Reasons and suggestions, shuffled, without dates, scores or attributes' })
  comments: string[];
}

/** Invited and responded of one group of an employee wave's participation: counts, never who. */
@ObjectType('OrgUnitResponseRate')
export class OrgUnitResponseRate {
  @Field(() => String, { description: '"all" for the whole wave, else "unit:<id>"' })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => ID, { nullable: true, description: 'Null for the whole wave' })
  orgUnitId: string | null;

  @Field(() => String, { nullable: true, description: 'The key of the row this one is part of' })
  parentKey: string | null;

  @Field(() => Int)
  invited: number;

  @Field(() => Int)
  responded: number;

  @Field(() => Float, { description: 'responded ÷ invited, 0..1' })
  responseRate: number;
}

/** One group of an employee wave's release. */
@ObjectType('ReleaseGroup')
export class ReleaseGroup {
  @Field(() => String, { description: '"all", "unit:<id>", "location:<value>", "tenure_band:<value>", or a unit with one of them' })
  key: string;

  @Field(() => String, { description: 'ALL, ORG_UNIT, LOCATION, TENURE_BAND, ORG_UNIT_LOCATION or ORG_UNIT_TENURE_BAND' })
  dimension: string;

  @Field(() => ID, { nullable: true })
  orgUnitId: string | null;

  @Field(() => String, { nullable: true, description: 'The location or tenure band' })
  value: string | null;

  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true, description: 'The group this one is part of' })
  parentKey: string | null;

  @Field(() => Int, { description: 'People invited (the wave snapshot)' })
  invited: number;

  @Field(() => NpsSummary, { description: 'Suppressed with its hiddenReason when the release hides the group' })
  summary: NpsSummary;

  @Field(() => [Int], { nullable: true, description: 'Answers per score 0..10, only for groups of at least 2k whose distribution cannot single out a smaller one' })
  distribution: number[] | null;

  @Field(() => Boolean, { description: "Whether the group's comments and theme mentions are released" })
  commentsReleased: boolean;
}

/** What the audit of a release did before it was stored. */
@ObjectType('ReleaseAudit')
export class ReleaseAuditType {
  @Field(() => String, { description: 'MIP (the exact integer program) or LP (its linear relaxation, for very large organizations)' })
  method: string;

  @Field(() => Int, { description: 'Cells of the snapshot: people sharing unit, location and tenure band' })
  cells: number;

  @Field(() => Int)
  groups: number;

  @Field(() => Int)
  released: number;

  @Field(() => Int)
  hiddenBelowThreshold: number;

  @Field(() => Int)
  hiddenToProtect: number;

  @Field(() => Int, { description: 'Individuals whose category, participation or hidden group the release lets a reader determine: always 0' })
  determined: number;
}

/** An employee wave's release: computed once when it closed, audited, never changed. */
@ObjectType('EmployeeRelease')
export class EmployeeRelease {
  @Field(() => ID)
  waveId: string;

  @Field(() => Date)
  madeAt: Date;

  @Field(() => Int, { description: 'The anonymity threshold k the release was made with' })
  threshold: number;

  @Field(() => [ReleaseGroup])
  groups: ReleaseGroup[];

  @Field(() => ReleaseAuditType)
  audit: ReleaseAuditType;
}
