import { DateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

/** One action a team agreed: it becomes an improvement of the team and the wave. */
@InputType('DiscussionActionInput')
export class DiscussionActionInput {
  @Field(() => String, { description: '1 to 200 characters' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters' })
  description?: string | null;

  @Field(() => ID, { description: 'Who sees it through: a user of the organization' })
  ownerId: string;

  @Field(() => DateResolver, { description: 'Today or later' })
  dueOn: Date;
}

@InputType('RecordDiscussionInput')
export class RecordDiscussionInput {
  @Field(() => ID, { description: 'A closed wave' })
  waveId: string;

  @Field(() => ID, { description: 'The team: an org unit within the caller’s scope' })
  orgUnitId: string;

  @Field(() => DateResolver, { description: 'The day it was held: not in the future' })
  heldOn: Date;

  @Field(() => Int, { description: 'How many took part: at least 1, at most the team’s size where it is known' })
  participants: number;

  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters' })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Show the team’s actions on the wave’s public "you said, we did" page (default false)' })
  publish?: boolean | null;

  @Field(() => [DiscussionActionInput], { nullable: true, description: 'At most 20; each becomes an improvement' })
  actions?: DiscussionActionInput[] | null;
}

@InputType('UpdateDiscussionInput')
export class UpdateDiscussionInput {
  @Field(() => DateResolver, { nullable: true })
  heldOn?: Date | null;

  @Field(() => Int, { nullable: true })
  participants?: number | null;

  @Field(() => String, { nullable: true, description: 'An empty text clears the notes' })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true })
  publish?: boolean | null;

  @Field(() => [DiscussionActionInput], { nullable: true, description: 'More actions agreed (the ones recorded are followed on the improvements board)' })
  addActions?: DiscussionActionInput[] | null;
}

/** A team's discussion of one wave's results, and the actions it agreed (Improvement, by the field resolver). */
@ObjectType('TeamDiscussion')
export class TeamDiscussionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  waveId: string;

  @Field(() => ID)
  orgUnitId: string;

  @Field(() => DateResolver)
  heldOn: Date;

  @Field(() => Int)
  participants: number;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => Boolean, { description: 'The team publishes its actions on the wave’s public page' })
  publish: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  recordedById: string | null;
}

export interface DiscussionRow {
  id: string;
  wave_id: string;
  org_unit_id: string;
  held_on: string;
  participants: number;
  notes: string | null;
  publish: boolean;
  recorded_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const dayOf = (day: string | Date): Date => (day instanceof Date ? day : new Date(`${day}T00:00:00Z`));

export function discussionOf(row: DiscussionRow): TeamDiscussionType {
  return Object.assign(new TeamDiscussionType(), {
    id: row.id,
    waveId: row.wave_id,
    orgUnitId: row.org_unit_id,
    heldOn: dayOf(typeof row.held_on === 'string' ? row.held_on : new Date(row.held_on).toISOString().slice(0, 10)),
    participants: row.participants,
    notes: row.notes,
    publish: row.publish,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    recordedById: row.recorded_by,
  });
}

/** A team and a wave: the discussion page's subject, whether recorded yet or not. */
@ObjectType('TeamDiscussionSlot')
export class TeamDiscussionSlot {
  @Field(() => ID)
  waveId: string;

  @Field(() => ID)
  orgUnitId: string;

  @Field(() => TeamDiscussionType, { nullable: true, description: 'Null until the team records its discussion' })
  discussion: TeamDiscussionType | null;

  @Field(() => Boolean, { description: 'The caller may record or change it (the wave is closed and the team within their scope)' })
  canRecord: boolean;

  @Field(() => Int, { nullable: true, description: 'The most who can take part, where known (an employee wave: its people in the team)' })
  teamSize: number | null;
}

/** One team of a wave's coverage: whether it held its discussion. */
@ObjectType('DiscussionCoverageTeam')
export class DiscussionCoverageTeam {
  @Field(() => ID)
  orgUnitId: string;

  @Field(() => TeamDiscussionType, { nullable: true })
  discussion: TeamDiscussionType | null;

  @Field(() => Int)
  actions: number;

  @Field(() => Int)
  actionsDone: number;

  @Field(() => Int)
  actionsOverdue: number;
}

/** A wave's discussion coverage: how many of its teams held their discussion, and where their actions stand. */
@ObjectType('DiscussionCoverage')
export class DiscussionCoverage {
  @Field(() => ID)
  waveId: string;

  @Field(() => Int, { description: 'Teams of the wave: org units with answers or participants in it, and any that recorded a discussion' })
  teams: number;

  @Field(() => Int, { description: 'Of them, those that recorded their discussion' })
  held: number;

  @Field(() => Float, { nullable: true, description: 'held / teams, 0 to 1; null without teams' })
  share: number | null;

  @Field(() => Int, { description: 'Actions agreed in the discussions' })
  actions: number;

  @Field(() => Int, { description: 'Of them, IMPLEMENTED or VERIFIED' })
  actionsDone: number;

  @Field(() => Int, { description: 'Of them, past their due date and still open' })
  actionsOverdue: number;

  /** Filled by waveDiscussionCoverage (one wave); the board's per-wave rows leave it empty. */
  @Field(() => [DiscussionCoverageTeam], { description: 'Per team, those that held first (empty on the board)' })
  teamRows: DiscussionCoverageTeam[];
}
