import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** Employee comments of a group: only when the group passes the anonymity guard. */
@ObjectType('CommentsResult')
export class CommentsResult {
  @Field(() => Boolean, { description: 'True when the group is too small (or would single out a few by differencing): no comments then' })
  suppressed: boolean;

  @Field(() => [String], { description: 'Reasons and suggestions, shuffled, without dates, scores or attributes' })
  comments: string[];
}

/** Invited and responded participations of one org unit in an employee wave: counts, never who. */
@ObjectType('OrgUnitResponseRate')
export class OrgUnitResponseRate {
  @Field(() => String, { description: 'The org unit id; "unassigned" for employees without one; "other" for the merged row' })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => ID, { nullable: true, description: 'Null for the "unassigned" and "other" rows' })
  orgUnitId: string | null;

  @Field(() => Int)
  invited: number;

  @Field(() => Int)
  responded: number;

  @Field(() => Float, { description: 'responded ÷ invited, 0..1' })
  responseRate: number;

  static of(key: string, label: string, orgUnitId: string | null, invited: number, responded: number): OrgUnitResponseRate {
    return Object.assign(new OrgUnitResponseRate(), { key, label, orgUnitId, invited, responded, responseRate: responded / invited });
  }
}
