import type { Context } from '../../kernel/context.js';
import { publishWaveClosed, publishWaveOpened } from './wave-events.js';
import { waveClosed, waveOpened } from './wave-lifecycle.js';
import { scheduleWave } from './wave-schedule.js';
import { WaveEntity } from './wave.entity.js';

/**
 * Moves a wave DRAFT → OPEN or OPEN → CLOSED, by hand (openWave, closeWave) or by itself at its
 * moment (wave-jobs.ts). Compare-and-set: of two concurrent moves only one wins, the other answers
 * false. In the moving transaction: the listeners of an opening (the employee theme catalogue is
 * frozen), the event (wave.opened / wave.closed with its counts) and, on opening, the job that
 * closes the wave at its closesAt. After a closing committed, its listeners (the release).
 * `closedAt` defaults to now; a closing by time records the moment it was due.
 */
export async function transition(ctx: Context, wave: WaveEntity, target: 'OPEN' | 'CLOSED', closedAt?: Date): Promise<boolean> {
  const from = target === 'OPEN' ? 'DRAFT' : 'OPEN';
  const now = ctx.app.now();
  const moved = await ctx.db.transaction(async (tx) => {
    const result = await tx
      .createQueryBuilder()
      .update(WaveEntity)
      .set(target === 'OPEN' ? { status: target, openedAt: now } : { status: target, closedAt: closedAt ?? now })
      .where('id = :id AND organization_id = :organizationId AND status = :from', { id: wave.id, organizationId: wave.organizationId, from })
      .execute();
    if (!result.affected) return false;
    if (target === 'OPEN') {
      await waveOpened(tx, wave);
      await publishWaveOpened(tx, wave);
      await scheduleWave(tx, { ...wave, status: 'OPEN' }, now);
    } else {
      await publishWaveClosed(tx, wave);
    }
    return true;
  });
  if (moved && target === 'CLOSED') await waveClosed(ctx, wave);
  return moved;
}
