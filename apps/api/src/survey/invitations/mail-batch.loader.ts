import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { byKey, isUuid } from '../../kernel/batch.js';
import { latestMailBatchIds, mailBatchProgress, mailFailures, type MailBatchProgress, type MailFailureRow } from './mail-batches.js';

/** Mail batches' progress by id, of the caller's organization: one grouped count per request batch. */
export const mailBatchLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, MailBatchProgress | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    if (!organizationId || valid.length === 0) return ids.map(() => null);
    return byKey(ids, await mailBatchProgress(db, organizationId, valid), (row) => row.id);
  });

/** Each wave's latest mail batch id (null: none), for Wave.mailing in lists. */
export const latestMailBatchLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, string | null>(async (waveIds) => {
    const valid = waveIds.filter(isUuid);
    if (!organizationId || valid.length === 0) return waveIds.map(() => null);
    return byKey(waveIds, await latestMailBatchIds(db, organizationId, valid), (row) => row.waveId).map((row) => row?.id ?? null);
  });

/**
 * Each batch's failed mails: the first `limit`, and for a manager (`owner`) only their own
 * contacts'. One query per (limit, owner) asked for in a request, whatever the number of batches.
 */
export const mailFailuresLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<FailuresKey, MailFailureRow[], string>(
    async (keys) => {
      if (!organizationId) return keys.map(() => []);
      const groups = new Map<string, FailuresKey[]>();
      for (const k of keys) groups.set(`${k.limit}|${k.owner}`, [...(groups.get(`${k.limit}|${k.owner}`) ?? []), k]);
      const found = new Map<string, MailFailureRow[]>();
      for (const group of groups.values()) {
        const { limit, owner } = group[0];
        const ids = group.map((k) => k.batchId).filter(isUuid);
        for (const { batchId, ...row } of await mailFailures(db, organizationId, ids, owner, limit)) {
          const key = keyOf({ batchId, limit, owner });
          found.set(key, [...(found.get(key) ?? []), row]);
        }
      }
      return keys.map((k) => found.get(keyOf(k)) ?? []);
    },
    { cacheKeyFn: (k) => keyOf(k) },
  );

export interface FailuresKey {
  batchId: string;
  limit: number;
  owner: string | null;
}
const keyOf = (k: FailuresKey) => `${k.batchId}|${k.limit}|${k.owner}`;
