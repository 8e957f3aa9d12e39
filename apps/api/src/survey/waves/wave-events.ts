import type { EntityManager } from 'typeorm';
import { publish } from '../../platform/events/outbox.js';
import { effectiveThreshold } from '../../identity/organizations/anonymity-threshold.js';
import type { WaveEntity } from './wave.entity.js';

type Moved = Pick<WaveEntity, 'id' | 'organizationId' | 'audience'>;

/** wave.opened, in the transaction that opened the wave. */
export async function publishWaveOpened(tx: EntityManager, wave: Moved): Promise<void> {
  await publish(tx, { type: 'wave.opened', organizationId: wave.organizationId, payload: { waveId: wave.id, audience: wave.audience } });
}

/**
 * wave.closed with the wave's counts, in the transaction that closed it. The counts come from the
 * per-wave counters (wave_response_counts). An EMPLOYEE wave publishes counts only, and each only
 * at or above the organization's anonymity threshold k (null below it): a small wave tells nothing
 * about who took part.
 */
export async function publishWaveClosed(tx: EntityManager, wave: Moved): Promise<void> {
  const [row]: { invited: number; responded: number; k: number | null }[] = await tx.query(
    `SELECT coalesce(sum(c.invited), 0)::int AS invited, coalesce(sum(c.responded), 0)::int AS responded,
            (SELECT (o.settings->>'anonymityThreshold')::int FROM organizations o WHERE o.id = $1) AS k
       FROM wave_response_counts c WHERE c.organization_id = $1 AND c.wave_id = $2`,
    [wave.organizationId, wave.id],
  );
  const { invited, responded } = row ?? { invited: 0, responded: 0 };
  if (wave.audience === 'EMPLOYEE') {
    const k = effectiveThreshold(row?.k);
    await publish(tx, {
      type: 'wave.closed',
      organizationId: wave.organizationId,
      payload: { waveId: wave.id, audience: 'EMPLOYEE', invited: invited >= k ? invited : null, answers: invited >= k && responded >= k ? responded : null },
    });
    return;
  }
  await publish(tx, { type: 'wave.closed', organizationId: wave.organizationId, payload: { waveId: wave.id, audience: wave.audience, invited, answers: responded } });
}
