import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { NpsCategory, NpsCounts } from '@tandem/nps-core';
import { isUuid } from '../../kernel/batch.js';
import { groupBy, perWave } from '../../survey/waves/wave.loader.js';
import { categoriesOf, IDENTIFIED_ROLLUP_AUDIENCES, rollupCounts } from '../base/nps-counts.js';

/**
 * The per-request loaders of each wave's results: one grouped query per batch of wave ids, scoped
 * to the caller's organization.
 */

export interface InvitationStats {
  /** Invitations of any status: the contacts invited to the wave. */
  invited: number;
  /** Invitations answered (status RESPONDED). */
  responded: number;
}

export const waveInvitationStatsLoader = (db: EntityManager, organizationId: string | null) =>
  perWave<InvitationStats>(
    organizationId,
    async (org, waveIds) => {
      // From the per-wave counts that triggers keep exact (migration BoardTargets: invitations of
      // any status, and those RESPONDED), summed over the writers' shards: no scan of invitations.
      const rows: { wave_id: string; invited: number; responded: number }[] = await db.query(
        `SELECT wave_id, sum(invited)::int AS invited, sum(responded)::int AS responded
           FROM wave_response_counts
          WHERE organization_id = $1 AND wave_id = ANY($2::uuid[])
          GROUP BY wave_id`,
        [org, waveIds],
      );
      return new Map(rows.map((r) => [r.wave_id, { invited: r.invited, responded: r.responded }]));
    },
    () => ({ invited: 0, responded: 0 }),
  );

/**
 * Identified responses per score of each wave in the batch, from the rollup (dimension '' grouped
 * by wave: a few rows per wave and month, whatever the number of responses). The scan of the
 * responses table stays only as the fallback should the rollup decline the query.
 */
async function identifiedScoresByWave(db: EntityManager, org: string, waveIds: string[]): Promise<Map<string, number[]>> {
  const fast = await rollupCounts(db, {
    organizationId: org,
    audiences: IDENTIFIED_ROLLUP_AUDIENCES,
    waveIds,
    from: null,
    to: null,
    attribute: null,
    groupBy: 'wave',
  });
  if (fast) return new Map(fast.map((g) => [g.key, g.scores]));
  const rows: { wave_id: string; score: number; count: number }[] = await db.query(
    `SELECT wave_id, score::int AS score, count(*)::int AS count
       FROM responses
      WHERE organization_id = $1 AND wave_id = ANY($2::uuid[])
      GROUP BY wave_id, score`,
    [org, waveIds],
  );
  return groupBy(rows, (counts, row) => counts.with(row.score, row.count), () => new Array<number>(11).fill(0));
}

/** Identified responses per category. */
export const waveNpsCountsLoader = (db: EntityManager, organizationId: string | null) =>
  perWave<NpsCounts>(
    organizationId,
    async (org, waveIds) => new Map([...(await identifiedScoresByWave(db, org, waveIds))].map(([id, scores]) => [id, categoriesOf(scores)])),
    () => ({ promoters: 0, passives: 0, detractors: 0 }),
  );

/** Identified responses per score: 11 counts, for scores 0..10. */
export const waveScoreDistributionLoader = (db: EntityManager, organizationId: string | null) =>
  perWave<number[]>(organizationId, (org, waveIds) => identifiedScoresByWave(db, org, waveIds), () => new Array<number>(11).fill(0));

export interface FirstReactionStats {
  /** Detractors (0–6) who answered the wave. */
  detractors: number;
  /** Of them, those whose follow-up was CONTACTED or RESOLVED no later than its due time. */
  reachedInTime: number;
}

/**
 * A detractor counts as reached in time when their follow-up is CONTACTED or RESOLVED and the first
 * contact (or, without one, the resolution) happened no later than due_at, the end of the SLA.
 * A detractor without a follow-up counts as not reached.
 */
export const waveFirstReactionLoader = (db: EntityManager, organizationId: string | null) =>
  perWave<FirstReactionStats>(
    organizationId,
    async (org, waveIds) => {
      // Detractors from the rollup (scores 0–6 per wave); reached from the follow-ups contacted or
      // resolved (follow_ups_reached_idx, one per detractor at most: response_id is unique), each
      // checked against its answer by primary key. Per wave and per follow-up reached, never a
      // scan of the waves' answers or of every follow-up.
      const [scores, rows] = await Promise.all([
        identifiedScoresByWave(db, org, waveIds),
        db.query(
          `SELECT r.wave_id, count(*)::int AS reached
             FROM follow_ups f
             JOIN responses r ON r.id = f.response_id AND r.organization_id = f.organization_id
            WHERE f.organization_id = $1 AND f.wave_id = ANY($2::uuid[]) AND f.status IN ('CONTACTED', 'RESOLVED')
              AND coalesce(f.contacted_at, f.resolved_at) <= f.due_at
              AND r.wave_id = ANY($2::uuid[]) AND r.category = 'DETRACTOR'
            GROUP BY r.wave_id`,
          [org, waveIds],
        ) as Promise<{ wave_id: string; reached: number }[]>,
      ]);
      const reached = new Map(rows.map((r) => [r.wave_id, r.reached]));
      return new Map([...scores].map(([id, s]) => [id, { detractors: categoriesOf(s).detractors, reachedInTime: reached.get(id) ?? 0 }]));
    },
    () => ({ detractors: 0, reachedInTime: 0 }),
  );

export interface WaveCommentRow {
  score: number;
  category: NpsCategory;
  reason: string | null;
  suggestion: string | null;
  language: string;
  submittedAt: Date;
}

export interface CommentsKey {
  waveId: string;
  limit: number;
  /** Only the responses of this owner's contacts (a manager's own slice), or everyone's. */
  ownerId: string | null;
}

/**
 * The latest commented responses (a reason or a suggestion) of each wave, newest first. One query
 * per distinct (limit, owner) in the batch, which in a request is one: per wave, its first `limit`
 * rows of responses_wave_comments_idx (commented answers by wave, newest first), so a wave costs
 * its limit, not its answers (a window over every commented answer took 180 ms for the board's
 * nine waves at 1,000,000 answers).
 */
export const waveCommentsLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<CommentsKey, WaveCommentRow[], string>(
    async (keys) => {
      const results = new Map<string, WaveCommentRow[]>();
      const groups = new Map<string, CommentsKey[]>();
      for (const key of keys) {
        if (!isUuid(key.waveId)) continue;
        const group = `${key.limit}|${key.ownerId ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      for (const [group, groupKeys] of groups) {
        if (!organizationId) break;
        const { limit, ownerId } = groupKeys[0];
        const rows: (WaveCommentRow & { wave_id: string })[] = await db.query(
          `SELECT w.id AS wave_id, c.score, c.category, c.reason, c.suggestion, c.language, c.submitted_at AS "submittedAt"
             FROM unnest($2::uuid[]) AS w(id)
             CROSS JOIN LATERAL (
               SELECT r.id, r.score, r.category, r.reason, r.suggestion, r.language, r.submitted_at
                 FROM responses r
                WHERE r.wave_id = w.id
                  AND r.organization_id = $1
                  AND (nullif(btrim(r.reason), '') IS NOT NULL OR nullif(btrim(r.suggestion), '') IS NOT NULL)
                  AND ($4::uuid IS NULL OR r.owner_id = $4::uuid)
                ORDER BY r.submitted_at DESC, r.id DESC
                LIMIT $3
             ) c
            ORDER BY w.id, c.submitted_at DESC, c.id DESC`,
          [organizationId, [...new Set(groupKeys.map((k) => k.waveId))], limit, ownerId],
        );
        for (const { wave_id: waveId, score, category, reason, suggestion, language, submittedAt } of rows) {
          const list = results.get(`${waveId}|${group}`) ?? [];
          list.push({ score, category, reason, suggestion, language, submittedAt });
          results.set(`${waveId}|${group}`, list);
        }
      }
      return keys.map((key) => results.get(commentsKeyOf(key)) ?? []);
    },
    { cacheKeyFn: (key) => commentsKeyOf(key) },
  );

const commentsKeyOf = (key: CommentsKey) => `${key.waveId}|${key.limit}|${key.ownerId ?? ''}`;
