import { EventBus } from './events/bus.js';
import { JobQueue, type JobQueueOptions, type QueueDatabase } from './jobs/queue.js';

export interface Background {
  jobs: JobQueue;
  events: EventBus;
}

/**
 * The job queue with its event bus (the dispatcher's queue is defined with it, so publish() always
 * has one). Define queues, register workers and consumers, then `jobs.start()`; `jobs.stop()` at
 * shutdown, before the database closes.
 */
export function createBackground(database: QueueDatabase, options: JobQueueOptions): Background {
  const jobs = new JobQueue(database, options);
  return { jobs, events: new EventBus(jobs) };
}
