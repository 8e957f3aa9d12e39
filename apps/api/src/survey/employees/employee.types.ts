import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kernel/connection.js';

/**
 * A person on the employee roster, as HR manages it. Roster data only: nothing about surveys —
 * no invitation, no participation, no answer — is reachable from here (docs/anonymity.md). The
 * email identifies a person across imports; no operation takes an employee id, so none is shown.
 */
@ObjectType('Employee')
export class EmployeeType {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The language of survey mails and the survey page: en, pl, da, ru or sl' })
  language: string;

  /** Resolved by the orgUnit field. */
  orgUnitId: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'For example <1y, 1-3y, 3y+' })
  tenureBand: string | null;

  @Field(() => Boolean, { description: 'False for leavers: people a later roster import no longer listed. Only active people are invited.' })
  active: boolean;

  @Field(() => Date, { description: 'When the person was first imported' })
  createdAt: Date;

  @Field(() => Date, { description: 'When an import last wrote the person' })
  updatedAt: Date;
}

@InputType('EmployeeFilter')
export class EmployeeFilter {
  @Field(() => String, { nullable: true, description: 'Text found in the name or the email' })
  search?: string | null;

  @Field(() => [ID], { nullable: true })
  orgUnitIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: current employees; false: leavers; left out: both' })
  active?: boolean | null;
}

export const EmployeeConnection = ConnectionType('Employee', EmployeeType);

@ObjectType('RestoreEmployeesResult')
export class RestoreResult {
  @Field(() => Int, { description: 'Leavers now active again' })
  restored: number;

  @Field(() => Int, { description: 'Named people who were active already' })
  alreadyActive: number;
}
