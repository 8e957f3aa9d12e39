import type { EntityManager } from 'typeorm';
import { schedule, type ScheduledJob } from '../../platform/jobs/schedules.js';
import type { WaveEntity } from './wave.entity.js';

/**
 * A wave's moments as scheduled jobs (platform/jobs/schedules.ts):
 *
 * - `wave.open` at opensAt, sent when a draft is created or edited with an opensAt still to come;
 * - `wave.close` at closesAt, sent when the wave opens (by hand or by itself) and when an open
 *   wave's closesAt is edited; an EMPLOYEE wave gets `wave.release` instead: closing it by time is
 *   making its anonymous release (reporting/anonymity), which closes it first.
 *
 * A job remembers the moment it was sent for; a wave whose date changed since ignores it (the
 * compare-and-set of the move does the rest), so changing a date is sending one more job. A moment
 * already past when it is set is a date of record, not a schedule, and is not sent; the tick's
 * sweep (dueWaveClosings) closes open waves past their closesAt all the same.
 */
export const WAVE_OPEN = 'wave.open';
export const WAVE_CLOSE = 'wave.close';
export const WAVE_RELEASE = 'wave.release';
export const WAVE_REMIND = 'wave.remind';

type Scheduled = Pick<WaveEntity, 'id' | 'organizationId' | 'audience' | 'status' | 'opensAt' | 'closesAt'>;

const job = (wave: Scheduled, kind: string, at: Date): ScheduledJob => ({ organizationId: wave.organizationId, kind, id: wave.id, at: at.toISOString() });

/** Sends the jobs of whatever the wave's status and dates make due later (in the caller's transaction). */
export async function scheduleWave(db: EntityManager, wave: Scheduled, now: Date): Promise<void> {
  if (wave.status === 'DRAFT' && wave.opensAt && wave.opensAt > now) {
    await schedule(db, job(wave, WAVE_OPEN, wave.opensAt), wave.opensAt, `${WAVE_OPEN}:${wave.id}:${wave.opensAt.toISOString()}`);
  }
  if (wave.status === 'OPEN' && wave.closesAt && wave.closesAt > now) {
    const kind = wave.audience === 'EMPLOYEE' ? WAVE_RELEASE : WAVE_CLOSE;
    await schedule(db, job(wave, kind, wave.closesAt), wave.closesAt, `${kind}:${wave.id}:${wave.closesAt.toISOString()}`);
  }
}

/** Whether a scheduled job still stands: the wave's moment is the one the job was sent for. */
export function stillScheduled(moment: Date | null, at: string | undefined): boolean {
  return !!moment && !!at && moment.toISOString() === at;
}

/**
 * The sweep's part (the tick): open waves whose closesAt has passed by the app's clock, each with
 * the job that closes (or releases) it. One statement over the open waves.
 */
export async function dueWaveClosings(db: EntityManager, now: Date, limit = 200): Promise<ScheduledJob[]> {
  const rows: { id: string; organization_id: string; audience: string; closes_at: Date }[] = await db.query(
    `SELECT id, organization_id, audience, closes_at FROM waves
      WHERE status = 'OPEN' AND closes_at IS NOT NULL AND closes_at <= $1
      ORDER BY closes_at LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => ({
    organizationId: r.organization_id,
    kind: r.audience === 'EMPLOYEE' ? WAVE_RELEASE : WAVE_CLOSE,
    id: r.id,
    at: r.closes_at.toISOString(),
  }));
}
