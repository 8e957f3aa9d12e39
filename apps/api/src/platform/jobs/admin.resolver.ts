import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import * as admin from './admin.service.js';
import { DeadLetteredJob, JobQueueStats, RetriedJob } from './admin.types.js';
import { ADMINS } from '../../kernel/policies.js';

/** Background jobs for admins: the organization's queue depths and latencies, failures, retry. */
@Resolver()
export class JobAdminResolver {
  @Authorized(...ADMINS)
  @Query(() => [JobQueueStats], { description: "Every job queue with this organization's jobs in it: waiting, running, failed, and how long they wait" })
  jobQueues(@Ctx() ctx: Context) {
    return admin.queueStats(ctx);
  }

  @Authorized(...ADMINS)
  @Query(() => [DeadLetteredJob], { description: "This organization's jobs that failed on every try, newest first. BAD_USER_INPUT (first) outside 1–200." })
  deadLetteredJobs(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: Context) {
    return admin.deadLetteredJobs(ctx, first);
  }

  @Authorized(...ADMINS)
  @Mutation(() => RetriedJob, { description: 'Runs a dead-lettered job again, with fresh retries. NOT_FOUND (id) for an unknown job or one already retried.' })
  retryDeadLetteredJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return admin.retryDeadLetteredJob(ctx, id);
  }
}
