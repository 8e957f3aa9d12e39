import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { isUuid, rowsById } from '../../kernel/batch.js';
import { WaveQuestionEntity } from './wave-question.entity.js';
import { WaveEntity } from './wave.entity.js';

/**
 * The per-request loaders of waves and their questions. Every loader answers a whole batch of wave
 * ids with ONE query (grouped by wave_id), so a page of N waves costs the same number of statements
 * whatever N is. All are scoped to the caller's organization. The loaders of each wave's results are
 * in reporting/wave-results/.
 */

export const waveLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(WaveEntity, { organizationId: org, id: In(ids) }));

/** One value per wave id from one grouped query per batch; waves without rows get `empty()`. */
export function perWave<V>(
  organizationId: string | null,
  load: (organizationId: string, waveIds: string[]) => Promise<Map<string, V>>,
  empty: () => V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const found = organizationId && valid.length > 0 ? await load(organizationId, valid) : new Map<string, V>();
    return ids.map((id) => found.get(id) ?? empty());
  });
}

export function groupBy<R extends { wave_id: string }, V>(rows: R[], fold: (acc: V, row: R) => V, empty: () => V): Map<string, V> {
  const map = new Map<string, V>();
  for (const row of rows) map.set(row.wave_id, fold(map.get(row.wave_id) ?? empty(), row));
  return map;
}

/** A wave's questions in order. */
export const waveQuestionsLoader = (db: EntityManager, organizationId: string | null) =>
  perWave<WaveQuestionEntity[]>(
    organizationId,
    async (org, waveIds) => {
      const rows = await db
        .createQueryBuilder(WaveQuestionEntity, 'q')
        .innerJoin(WaveEntity, 'w', 'w.id = q.wave_id')
        .where('w.organization_id = :org', { org })
        .andWhere('q.wave_id IN (:...waveIds)', { waveIds })
        .orderBy('q.position', 'ASC')
        .getMany();
      const map = new Map<string, WaveQuestionEntity[]>();
      for (const row of rows) map.set(row.waveId, [...(map.get(row.waveId) ?? []), row]);
      return map;
    },
    () => [],
  );
