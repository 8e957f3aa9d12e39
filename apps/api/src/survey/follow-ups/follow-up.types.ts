import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../kernel/connection.js';
import { enumOf } from '../../kernel/enums.js';
import { FOLLOW_UP_STATUSES, type FollowUpEntity, type FollowUpNoteEntity, type FollowUpStatus } from './follow-up.entity.js';

export const FollowUpStatusEnum = enumOf<FollowUpStatus>(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus' });

@ObjectType('FollowUpNote')
export class FollowUpNoteType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  text: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { nullable: true, description: "The API client's name when an integrator's system wrote the note (author is then null)" })
  apiClientName: string | null;

  /** Resolved to User through the request's loader. */
  authorId: string | null;

  static from(note: FollowUpNoteEntity & { apiClientName?: string | null }): FollowUpNoteType {
    return Object.assign(new FollowUpNoteType(), {
      id: note.id,
      text: note.text,
      createdAt: note.createdAt,
      authorId: note.authorId,
      apiClientName: note.apiClientName ?? null,
    });
  }
}

/** The first reaction to a detractor, owned by the contact's owner and due within the SLA. */
@ObjectType('FollowUp')
export class FollowUpType {
  @Field(() => ID)
  id: string;

  @Field(() => FollowUpStatusEnum, { description: 'OPEN → CONTACTED → RESOLVED (OPEN → RESOLVED too); never backwards' })
  status: FollowUpStatus;

  @Field(() => Date, { description: 'The end of the SLA: the answer time plus the organization\'s followUpSlaHours (default 48)' })
  dueAt: Date;

  @Field(() => Boolean, { description: 'Not RESOLVED and past dueAt' })
  overdue: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { description: 'Last change: its status, owner, escalation or a new note (incremental sync: filter.updatedSince)' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the contact was first reached (CONTACTED, or RESOLVED directly)' })
  contactedAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the SLA passed unresolved and the follow-up was marked overdue (by its schedule)' })
  overdueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was escalated to CX users (see escalatedTo)' })
  escalatedAt: Date | null;

  /** Resolved through the request's loaders. */
  responseId: string;
  waveId: string;
  ownerId: string | null;
  escalatedToIds: string[];
  escalatedUnitId: string | null;

  static from(row: FollowUpEntity, now: Date): FollowUpType {
    return Object.assign(new FollowUpType(), {
      id: row.id,
      status: row.status,
      dueAt: row.dueAt,
      overdue: row.status !== 'RESOLVED' && now.getTime() > row.dueAt.getTime(),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      contactedAt: row.contactedAt,
      resolvedAt: row.resolvedAt,
      overdueAt: row.overdueAt,
      escalatedAt: row.escalatedAt,
      escalatedToIds: row.escalatedTo ?? [],
      escalatedUnitId: row.escalatedUnitId,
      responseId: row.responseId,
      waveId: row.waveId,
      ownerId: row.ownerId,
    });
  }
}

@InputType('FollowUpFilter')
export class FollowUpFilter {
  @Field(() => FollowUpStatusEnum, { nullable: true })
  status?: FollowUpStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue ones; false: only those not overdue' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those escalated to CX users; false: only those not escalated' })
  escalated?: boolean | null;

  @Field(() => [ID], { nullable: true })
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  waveIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Text found in the contact's name or email, or in the answer's reason (at most 100 characters)" })
  search?: string | null;

  @Field(() => Date, { nullable: true, description: 'Changed at or after this moment (updatedAt): an incremental sync' })
  updatedSince?: Date | null;
}

@InputType('FollowUpUpdateInput', { description: 'A status change, a note, or both' })
export class FollowUpUpdateInput {
  @Field(() => FollowUpStatusEnum, { nullable: true })
  status?: FollowUpStatus | null;

  @Field(() => String, { nullable: true, description: 'Appended to the notes; 1 to 5,000 characters' })
  note?: string | null;
}

export const FollowUpConnection = ConnectionType('FollowUp', FollowUpType);
