import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { AuditKind } from './audit.store.js';

export const AuditKindEnum = { CHANGE: 'CHANGE', EXPORT: 'EXPORT', READ: 'READ' } as const satisfies Record<AuditKind, AuditKind>;
registerEnumType(AuditKindEnum, { name: 'AuditKind', description: 'A change (a mutation), an export, or a read of employee results' });

@ObjectType('AuditEntry', { description: 'One entry of the audit log: who did what, to which objects, when, from where, and how it ended' })
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  at: Date;

  @Field(() => String, { description: 'USER or API_CLIENT' })
  actorKind: string;

  @Field(() => ID, { description: "The user's or API client's id" })
  actorId: string;

  @Field(() => String, { description: 'Their name when they acted' })
  actorName: string;

  @Field(() => AuditKindEnum)
  kind: AuditKind;

  @Field(() => String, { description: 'The operation (a mutation, the queries of a read, downloadExport)' })
  action: string;

  @Field(() => String, { nullable: true, description: 'The type of object touched' })
  objectType: string | null;

  @Field(() => [String], { description: 'The ids of the objects touched' })
  objectIds: string[];

  @Field(() => String, { description: 'The arguments as JSON: ids, enums and booleans as given, every other value [redacted]' })
  args: string;

  @Field(() => String, { description: 'OK, or the error code the caller got' })
  outcome: string;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;
}

@ObjectType('AuditLogPage', { description: 'A page of the audit log, newest first' })
export class AuditLogPage {
  @Field(() => [AuditEntryType])
  entries: AuditEntryType[];

  @Field(() => String, { nullable: true, description: 'Pass as after for the next (older) page; null on the last page' })
  endCursor: string | null;
}

@InputType('AuditLogFilter')
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "A user's or API client's id, or part of their name" })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: "An operation's name or part of it" })
  action?: string | null;

  @Field(() => AuditKindEnum, { nullable: true })
  kind?: AuditKind | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'From this moment (inclusive)' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Before this moment' })
  to?: Date | null;
}
