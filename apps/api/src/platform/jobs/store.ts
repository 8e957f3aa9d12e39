import { JOB_SCHEMA } from './schema.js';
import type { SqlAdapter } from './adapter.js';

/**
 * The few statements that read or change pg-boss's tables directly, beyond its API: written for
 * pg-boss's schema version 24 (pg-boss 10.x). The queue checks that version at start, so an upgrade
 * makes someone read this file again before it runs.
 */
export const STORE_SCHEMA_VERSION = 24;

const S = JOB_SCHEMA;

/** Every queue's jobs that failed for the last time are copied into its own dead-letter queue. */
export const DEAD_LETTER_SUFFIX = '.dead-letter';
export const deadLetterQueueOf = (queue: string) => `${queue}${DEAD_LETTER_SUFFIX}`;
export const isDeadLetterQueue = (queue: string) => queue.endsWith(DEAD_LETTER_SUFFIX);
export const originQueueOf = (deadLetterQueue: string) => deadLetterQueue.slice(0, -DEAD_LETTER_SUFFIX.length);

/**
 * Puts jobs this process started but could not finish before shutting down back in the queue, as
 * if never started: started_on is cleared, so pg-boss's next fetch does not count the interrupted
 * run as an attempt (it counts a retry only when started_on is set). Only jobs still active, so a
 * job another process took over after it expired is left alone.
 */
export async function returnToQueue(db: SqlAdapter, queue: string, ids: string[]): Promise<number> {
  const { rows } = await db.executeSql(
    `UPDATE ${S}.job
        SET state = (CASE WHEN retry_count > 0 THEN 'retry' ELSE 'created' END)::${S}.job_state,
            started_on = NULL,
            start_after = now()
      WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'
      RETURNING id`,
    [queue, ids],
  );
  return rows.length;
}

/**
 * Embedded database only, at start: every job still active was started by a process that is gone
 * (the embedded database belongs to one process), killed before it could finish or give its jobs
 * back. They go back to their queues at once, as returnToQueue does, instead of waiting for their
 * time limit. Answers how many.
 */
export async function returnOrphans(db: SqlAdapter): Promise<number> {
  const { rows } = await db.executeSql(
    `UPDATE ${S}.job
        SET state = (CASE WHEN retry_count > 0 THEN 'retry' ELSE 'created' END)::${S}.job_state,
            started_on = NULL,
            start_after = now()
      WHERE state = 'active'
      RETURNING id`,
    [],
  );
  return rows.length;
}

export interface QueueStatsRow {
  name: string;
  queued: string;
  scheduled: string;
  retrying: string;
  active: string;
  completed_last_hour: string;
  failed_last_hour: string;
  dead_lettered: string;
  wait_p50_ms: number | null;
  wait_p95_ms: number | null;
  run_p95_ms: number | null;
}

/**
 * Per queue, one organization's jobs only: how many wait (due now, scheduled later, waiting for a
 * retry), run, finished or failed in the last hour, and sit dead-lettered; and how long jobs that
 * finished in the last hour waited from being due to being started (p50, p95) and ran (p95).
 */
export const QUEUE_STATS_SQL = `
  SELECT q.name,
    count(j.id) FILTER (WHERE j.state = 'created' AND j.start_after <= now()) AS queued,
    count(j.id) FILTER (WHERE j.state = 'created' AND j.start_after > now()) AS scheduled,
    count(j.id) FILTER (WHERE j.state = 'retry') AS retrying,
    count(j.id) FILTER (WHERE j.state = 'active') AS active,
    count(j.id) FILTER (WHERE j.state = 'completed' AND j.completed_on > now() - interval '1 hour') AS completed_last_hour,
    count(j.id) FILTER (WHERE j.state = 'failed' AND j.completed_on > now() - interval '1 hour') AS failed_last_hour,
    (SELECT count(*) FROM ${S}.job d
      WHERE d.name = q.name || '${DEAD_LETTER_SUFFIX}' AND d.state = 'created' AND d.data->>'organizationId' = $1) AS dead_lettered,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.started_on - j.start_after) * 1000)
      FILTER (WHERE j.state = 'completed' AND j.completed_on > now() - interval '1 hour') AS wait_p50_ms,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM j.started_on - j.start_after) * 1000)
      FILTER (WHERE j.state = 'completed' AND j.completed_on > now() - interval '1 hour') AS wait_p95_ms,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM j.completed_on - j.started_on) * 1000)
      FILTER (WHERE j.state = 'completed' AND j.completed_on > now() - interval '1 hour') AS run_p95_ms
  FROM ${S}.queue q
  LEFT JOIN ${S}.job j ON j.name = q.name AND j.data->>'organizationId' = $1
  WHERE q.name NOT LIKE '%${DEAD_LETTER_SUFFIX}' AND q.name NOT LIKE '\\_\\_pgboss%'
  GROUP BY q.name
  ORDER BY q.name`;

/** Jobs of every queue by state, for the metrics (platform/observability/database-metrics.ts): no organization, no data. */
export const JOB_COUNTS_SQL = `SELECT name, state::text AS state, count(*)::int AS count FROM ${S}.job GROUP BY name, state`;

export const DEAD_LETTER_QUEUES_SQL = `SELECT name FROM ${S}.queue WHERE name LIKE '%${DEAD_LETTER_SUFFIX}' ORDER BY name`;

export interface DeadLetterRow {
  id: string;
  name: string;
  output: { message?: unknown } | null;
  created_on: Date;
  retry_limit: number;
}

/** One organization's dead-lettered jobs, newest first. $1 dead-letter queue names, $2 organization, $3 limit. */
export const DEAD_LETTERS_SQL = `
  SELECT id, name, output, created_on, retry_limit
    FROM ${S}.job
   WHERE name = ANY($1::text[]) AND state = 'created' AND data->>'organizationId' = $2
   ORDER BY created_on DESC, id
   LIMIT $3`;

/** One dead-lettered job of an organization, locked for taking it out. $1 names, $2 id, $3 organization. */
export const DEAD_LETTER_FOR_RETRY_SQL = `
  SELECT id, name, data
    FROM ${S}.job
   WHERE name = ANY($1::text[]) AND id = $2 AND state = 'created' AND data->>'organizationId' = $3
   FOR UPDATE`;

export const DELETE_JOB_SQL = `DELETE FROM ${S}.job WHERE name = $1 AND id = $2`;
