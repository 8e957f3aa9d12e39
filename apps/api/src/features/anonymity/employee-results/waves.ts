/**
 * Wave fields of employee waves, batched for a page of waves.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../../graphql/context.js';
import { isUuid } from '../../../graphql/batch.js';
import { employeeRollupCounts } from '../../analytics/nps-counts.js';
import { NpsSummary } from '../../analytics/nps-summary.type.js';
import { mayReadEmployeeResults } from '../access.js';
import { guardBreakdownKnowingEmpty, guardGroup, type Verdict } from '../guard.js';
import { thresholdOf } from '../threshold.js';
import { summaryOf } from './counts.js';

/** One employee wave's counts, from the snapshot of all the organization's employee waves. */
interface WaveCounts {
  id: string;
  status: string;
  invited: number;
  responded: number;
  /** Answers per score 0..10. */
  scores: number[];
  size: number;
}

/** Every employee wave of the organization with its participation and answer counts. */
export interface EmployeeWavesSnapshot {
  waves: WaveCounts[];
  byId: Map<string, WaveCounts>;
  /** All employee answers of the organization: "this wave" without its wave filter. */
  total: number;
}

const noScores = () => new Array<number>(11).fill(0);

/**
 * The snapshot of the organization's employee waves, in two statements whatever the number of waves
 * asked for — their scores from the rollup (grouped by wave) and their invited and responded counts
 * (wave_response_counts, kept by triggers): a wave's summary is guarded against the other waves
 * (the total, and the breakdown by wave), so every wave's counts are needed anyway.
 */
export const employeeWavesLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, EmployeeWavesSnapshot>(async (ids) => {
    const snapshot: EmployeeWavesSnapshot = { waves: [], byId: new Map(), total: 0 };
    if (organizationId && ids.some(isUuid)) {
      const [waves, scores] = await Promise.all([
        db.query(
          `WITH counts AS (
             SELECT wave_id, sum(invited) AS invited, sum(responded) AS responded
               FROM wave_response_counts WHERE organization_id = $1 GROUP BY wave_id
           )
           SELECT w.id, w.status, coalesce(c.invited, 0)::int AS invited, coalesce(c.responded, 0)::int AS responded
             FROM waves w
             LEFT JOIN counts c ON c.wave_id = w.id
            WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE'
            ORDER BY w.created_at, w.id`,
          [organizationId],
        ) as Promise<{ id: string; status: string; invited: number; responded: number }[]>,
        employeeScoresByWave(db, organizationId),
      ]);
      for (const r of waves) {
        const wave: WaveCounts = { id: r.id, status: r.status, invited: r.invited, responded: r.responded, scores: noScores(), size: 0 };
        snapshot.byId.set(r.id, wave);
        snapshot.waves.push(wave);
      }
      for (const [waveId, counts] of scores) {
        const wave = snapshot.byId.get(waveId);
        if (!wave) continue;
        counts.forEach((n, score) => (wave.scores[score] += n));
        const n = counts.reduce((sum, c) => sum + c, 0);
        wave.size += n;
        snapshot.total += n;
      }
    }
    return ids.map(() => snapshot);
  });

/** Every employee wave's answers per score: from the rollup, or (should it decline) a scan. */
async function employeeScoresByWave(db: EntityManager, organizationId: string): Promise<Map<string, number[]>> {
  const fast = await employeeRollupCounts(db, { organizationId, waveIds: null, from: null, to: null, attribute: null, groupBy: 'wave' });
  if (fast) return new Map(fast.map((g) => [g.key, g.scores]));
  const rows: { wave_id: string; score: number; count: number }[] = await db.query(
    `SELECT wave_id, score::int AS score, count(*)::int AS count FROM employee_answers WHERE organization_id = $1 GROUP BY wave_id, score`,
    [organizationId],
  );
  const byWave = new Map<string, number[]>();
  for (const r of rows) {
    const scores = byWave.get(r.wave_id) ?? noScores();
    scores[r.score] += r.count;
    byWave.set(r.wave_id, scores);
  }
  return byWave;
}

export interface EmployeeWaveResults {
  invited: number;
  /** 0 unless at least k were invited. */
  responded: number;
  /** Null unless at least k were invited. */
  responseRate: number | null;
  summary: NpsSummary;
  /** Answers per score 0..10 when the summary is released; [] otherwise. */
  scoreDistribution: number[];
}

const WITHHELD = (): EmployeeWaveResults => ({ invited: 0, responded: 0, responseRate: null, summary: NpsSummary.suppressed(), scoreDistribution: [] });

/**
 * An employee wave's results for the Wave fields:
 *  - invited: the wave's participations (how many people HR invited);
 *  - responded and responseRate: only when at least k were invited (else 0 and null), like the
 *    response rates per org unit;
 *  - summary: the group "answers of this wave", with FPC population = invited, released only when
 *    guardGroup releases it against the organization's total over all employee waves (the group
 *    without its wave filter) AND its cell of the breakdown by wave (every non-draft employee wave)
 *    is released — exactly what npsSummary({ waveIds: [id] }) releases. Otherwise a small wave
 *    could be read off as the total minus the other waves;
 *  - scoreDistribution: only when the summary is released.
 * Callers who may not read employee results (CX, MANAGER, API clients without analytics:read) get
 * all of it withheld: zeros, null, suppressed, [].
 */
export async function employeeWaveResults(ctx: Context, waveId: string): Promise<EmployeeWaveResults> {
  if (!mayReadEmployeeResults(ctx.principal!)) return WITHHELD();
  const [k, snapshot] = await Promise.all([thresholdOf(ctx), ctx.loaders.employeeWaves.load(waveId)]);
  const wave = snapshot.byId.get(waveId);
  if (!wave) return WITHHELD();
  const rateShown = wave.invited >= k;
  const listed = snapshot.waves.filter((w) => w.status !== 'DRAFT');
  const cells = guardBreakdownKnowingEmpty(
    listed.map((w) => ({ size: w.size })),
    listed.map((w) => w.invited === 0 || (w.invited >= k && w.responded === 0)),
    k,
  );
  const cell = listed.indexOf(wave);
  const verdict = guardGroup(wave.size, [snapshot.total], k);
  const released: Verdict = !verdict.released || cell === -1 || cells[cell].released ? verdict : cells[cell];
  const counts: NpsCounts = {
    detractors: wave.scores.slice(0, 7).reduce((n, c) => n + c, 0),
    passives: wave.scores[7] + wave.scores[8],
    promoters: wave.scores[9] + wave.scores[10],
  };
  return {
    invited: wave.invited,
    responded: rateShown ? wave.responded : 0,
    responseRate: rateShown ? wave.responded / wave.invited : null,
    summary: summaryOf({ size: wave.size, counts, withoutEachFilter: [snapshot.total], population: wave.invited }, released),
    scoreDistribution: released.released ? [...wave.scores] : [],
  };
}
