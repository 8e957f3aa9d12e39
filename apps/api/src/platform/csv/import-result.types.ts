import { Field, Int, ObjectType } from 'type-graphql';

/** A value a message refers to, by name, for a client that words the message in its own language. */
@ObjectType('ErrorParam')
export class ErrorParam {
  @Field(() => String)
  name: string;

  @Field(() => String)
  value: string;
}

/** A problem with one row of an imported file. Line 1 is the header. */
@ObjectType('RowError')
export class RowError {
  @Field(() => Int, { description: 'Line in the file, 1-based; the header is line 1' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, when there is one' })
  field: string | null;

  @Field(() => String, { description: 'In English; reason and params let a client say it in the user’s language' })
  message: string;

  @Field(() => String, { description: 'A stable code for the message, e.g. CSV_UNKNOWN_COLUMN, NAME_TOO_LONG' })
  reason: string;

  @Field(() => [ErrorParam], { description: 'The values the message names (column, line, max, ...)' })
  params: ErrorParam[];
}

/** The outcome of a CSV import: either everything was imported, or nothing and every bad row. */
@ObjectType('ImportResult')
export class ImportResult {
  @Field(() => Int, { description: 'Rows written: created plus updated; 0 when there are errors' })
  imported: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int, {
    description: 'Employee roster: active people the file no longer lists, now marked as leavers (inactive). Always 0 for contacts.',
  })
  deactivated: number;

  @Field(() => [RowError])
  errors: RowError[];
}
