import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { byKey, isUuid } from '../../kernel/batch.js';
import { latestMailBatchIds, mailBatchProgress, type MailBatchProgress } from './mail-batches.js';

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
