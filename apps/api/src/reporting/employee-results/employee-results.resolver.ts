import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { NpsFilter } from '../base/nps-filter.input.js';
import { employeeComments, employeeRelease, responseRatesByOrgUnit } from './employee-results.service.js';
import { CommentsResult, EmployeeRelease, OrgUnitResponseRate } from './employee-results.types.js';
import { EMPLOYEE_COMMENT_READERS, EMPLOYEE_RELEASE_READERS } from '../../kernel/policies.js';

@Resolver()
export class EmployeeResultsResolver {
  @Authorized(...EMPLOYEE_COMMENT_READERS)
  @Query(() => CommentsResult, {
    description:
      "Reasons and suggestions of one released org-unit group (or the whole wave) over closed employee waves, shuffled, undated, unattributed; a manager reads their own unit's",
  })
  employeeComments(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return employeeComments(ctx, filter);
  }

  @Authorized(...EMPLOYEE_RELEASE_READERS)
  @Query(() => [OrgUnitResponseRate], {
    description:
      "An employee wave's participation: the whole wave, then org units of the wave's snapshot chosen so that no difference of two rows holds fewer than k invited people; never who",
  })
  responseRatesByOrgUnit(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return responseRatesByOrgUnit(ctx, waveId);
  }

  @Authorized(...EMPLOYEE_RELEASE_READERS)
  @Query(() => EmployeeRelease, {
    nullable: true,
    description: "A closed employee wave's release: every group it shows or hides (and why), made once when the wave closed and audited; null while the wave runs",
  })
  employeeRelease(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return employeeRelease(ctx, waveId);
  }
}
