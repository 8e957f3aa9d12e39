import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/**
 * One queue as an admin sees it: the counts are of the admin's own organization's jobs only, so no
 * organization learns how busy another is (a job says whose it is in data.organizationId; system
 * jobs, with none, are in no organization's counts and show in the logs).
 */
@ObjectType('JobQueueStats')
export class JobQueueStats {
  @Field(() => String, { description: 'The queue, e.g. events.dispatch' })
  name: string;

  @Field(() => Int, { description: 'Waiting to run, due now' })
  queued: number;

  @Field(() => Int, { description: 'Waiting for a later moment (a schedule)' })
  scheduled: number;

  @Field(() => Int, { description: 'Failed, waiting for their next try (exponential backoff)' })
  retrying: number;

  @Field(() => Int, { description: 'Running now' })
  active: number;

  @Field(() => Int)
  completedLastHour: number;

  @Field(() => Int, { description: 'Failed for the last time in the last hour' })
  failedLastHour: number;

  @Field(() => Int, { description: 'Failed for the last time, waiting in the dead-letter list for an admin' })
  deadLettered: number;

  @Field(() => Float, { nullable: true, description: 'Median time from due to started, of the jobs completed in the last hour (ms)' })
  waitP50Ms: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile of the same (ms)' })
  waitP95Ms: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile of the run time of the jobs completed in the last hour (ms)' })
  runP95Ms: number | null;
}

/** A job that failed on every try. Its data is not shown: the error and where it ran are. */
@ObjectType('DeadLetteredJob')
export class DeadLetteredJob {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The queue the job failed in' })
  queue: string;

  @Field(() => String, { description: "The last try's error message" })
  error: string;

  @Field(() => Int, { description: 'How many times it ran' })
  attempts: number;

  @Field(() => Date)
  failedAt: Date;
}

@ObjectType('RetriedJob')
export class RetriedJob {
  @Field(() => ID, { description: 'The new job (the dead-lettered one is gone)' })
  id: string;

  @Field(() => String)
  queue: string;
}
