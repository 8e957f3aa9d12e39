import type { EntityManager } from 'typeorm';
import { schedule, type ScheduledJob } from '../../platform/jobs/schedules.js';
import type { TransactionEntity } from './transaction.entity.js';

/** The scheduled kind that sends a programme's due invitations (send-job.ts; wired in src/jobs.ts). */
export const TRANSACTIONS_SEND = 'transactions.send';

/**
 * Due invitations go out in groups: one job per programme and BUCKET_MS of send times, so 10,000
 * triggers a minute make a few dozen jobs, not 10,000, and each job mails a whole group.
 */
const BUCKET_MS = 5_000;

/** Buckets this process has scheduled already: a repeat costs no round trip (the job id would dedupe it anyway). */
const scheduled = new Set<string>();

/**
 * Schedules the send of a SCHEDULED transaction's bucket, after its transaction committed (a job
 * written inside every trigger's transaction would make concurrent triggers of one bucket wait for
 * each other on the job's id). Should this process die in between, the tick's sweep finds the due
 * transaction (dueTransactionSends).
 */
export async function scheduleSend(db: EntityManager, row: Pick<TransactionEntity, 'organizationId' | 'waveId' | 'sendAt' | 'status'>): Promise<void> {
  if (row.status !== 'SCHEDULED') return;
  const at = new Date(Math.ceil(row.sendAt.getTime() / BUCKET_MS) * BUCKET_MS);
  const key = `${TRANSACTIONS_SEND}:${row.waveId}:${at.toISOString()}`;
  if (scheduled.has(key)) return;
  const job: ScheduledJob = { organizationId: row.organizationId, kind: TRANSACTIONS_SEND, id: row.waveId, at: at.toISOString() };
  await schedule(db, job, at, key);
  if (scheduled.size > 10_000) scheduled.clear();
  scheduled.add(key);
}

/** For the tick: programmes with invitations due by the app's clock for a minute and still not sent (a lost job, a moved clock). */
export async function dueTransactionSends(db: EntityManager, now: Date, bucket: string): Promise<{ job: ScheduledJob; key: string }[]> {
  const rows: { organization_id: string; wave_id: string }[] = await db.query(
    `SELECT DISTINCT organization_id, wave_id FROM transactions WHERE status = 'SCHEDULED' AND send_at <= $1::timestamptz - interval '1 minute'`,
    [now],
  );
  return rows.map((r) => ({
    job: { organizationId: r.organization_id, kind: TRANSACTIONS_SEND, id: r.wave_id },
    key: `${TRANSACTIONS_SEND}:${r.wave_id}:sweep:${bucket}`,
  }));
}
