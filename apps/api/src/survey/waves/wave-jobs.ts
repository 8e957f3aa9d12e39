import type { Context } from '../../kernel/context.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { schedule } from '../../platform/jobs/schedules.js';
import { stillScheduled } from './wave-schedule.js';
import { transition } from './wave-transition.js';
import { WaveEntity } from './wave.entity.js';

/**
 * The handlers of a wave's scheduled moments (wave-schedule.ts), run with the organization's system
 * context (the wiring builds it). Each is idempotent: a wave not in the expected status, or whose
 * date changed since the job was sent, is left alone; the move itself is the same compare-and-set
 * as openWave and closeWave.
 */

async function waveOf(ctx: Context, job: ScheduledJob): Promise<WaveEntity | null> {
  return job.id ? ctx.db.findOneBy(WaveEntity, { id: job.id, organizationId: job.organizationId! }) : null;
}

/** A job that ran before its moment by the app's clock (clocks differ a little) is sent again for it. */
async function notYet(ctx: Context, job: ScheduledJob, moment: Date): Promise<boolean> {
  if (moment <= ctx.app.now()) return false;
  await schedule(ctx.db, job, moment, `${job.kind}:${job.id}:${job.at}:again:${ctx.app.now().toISOString()}`);
  return true;
}

/** wave.open: a draft whose opensAt has come opens. */
export async function openScheduledWave(ctx: Context, job: ScheduledJob): Promise<void> {
  const wave = await waveOf(ctx, job);
  if (!wave || wave.status !== 'DRAFT' || !stillScheduled(wave.opensAt, job.at)) return;
  if (await notYet(ctx, job, wave.opensAt!)) return;
  if (await transition(ctx, wave, 'OPEN')) ctx.logger.info({ event: 'wave.opened', waveId: wave.id, scheduled: true }, 'wave opened at its opensAt');
}

/** wave.close: an open (customer, candidate or associate) wave whose closesAt has come closes, as of closesAt. */
export async function closeScheduledWave(ctx: Context, job: ScheduledJob): Promise<void> {
  const wave = await waveOf(ctx, job);
  if (!wave || wave.status !== 'OPEN' || wave.audience === 'EMPLOYEE' || !stillScheduled(wave.closesAt, job.at)) return;
  if (await notYet(ctx, job, wave.closesAt!)) return;
  if (await transition(ctx, wave, 'CLOSED', wave.closesAt!)) ctx.logger.info({ event: 'wave.closed', waveId: wave.id, scheduled: true }, 'wave closed at its closesAt');
}
