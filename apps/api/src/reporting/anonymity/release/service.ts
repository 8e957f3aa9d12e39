import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { MatchableTheme } from '../../../survey/themes/matcher.js';
import type { ThemeKeywordMap } from '../../../survey/themes/theme.entity.js';
import type { ComputedRelease } from './compute.js';
import { computeReleaseOffThread } from './off-thread.js';
import { releaseInput, storeRelease } from './store.js';
import { closeEmployeeWaveIfDue as closeIfDue } from '../../../survey/waves/wave.service.js';
import { readTogether } from '../../../kernel/sql.js';

/**
 * Making a wave's release: when the wave is closed (closeWave), or on the first read after its
 * closesAt has passed (ensureReleases, called by the release loader). One process makes a wave's
 * release once at a time (releaseWithin); two processes releasing the same wave at once compute
 * twice and store once (storeRelease takes a lock and checks).
 *
 * Order matters, so that no answer is ever left out: the wave is marked CLOSED first, in its own
 * transaction, holding the wave's row lock — a submit stages its answer only while the wave row
 * says OPEN (anonymous-answer.service.ts reads it FOR SHARE), so once CLOSED is committed no new
 * answer can arrive. Then the input is read, the release computed outside any transaction and on the
 * release thread (off-thread.ts: the audit takes seconds to minutes, and the embedded database has
 * one connection), and stored with the wave's answers deleted, in one transaction.
 */

export interface ReleaseDeps {
  db: EntityManager;
  logger: Logger;
  threshold: (organizationId: string) => Promise<number>;
  now: () => Date;
}

/** The theme catalogue frozen when the wave opened. */
async function frozenThemes(db: EntityManager, waveId: string): Promise<MatchableTheme[]> {
  const rows: { theme_id: string; keywords: ThemeKeywordMap }[] = await db.query(`SELECT theme_id, keywords FROM employee_wave_themes WHERE wave_id = $1`, [waveId]);
  return rows.map((r) => ({ id: r.theme_id, keywords: r.keywords }));
}


/**
 * Makes and stores the release of a closed employee wave, if it has none yet. Returns the computed
 * release when this call stored it, null otherwise (not closed, or released already).
 */
export async function makeRelease(deps: ReleaseDeps, organizationId: string, waveId: string): Promise<ComputedRelease | null> {
  const { db } = deps;
  if (!(await closeIfDue(db, organizationId, waveId, deps.now()))) return null;
  const [existing] = await db.query(`SELECT 1 FROM employee_releases WHERE wave_id = $1`, [waveId]);
  if (existing) return null;
  const k = await deps.threshold(organizationId);
  const [input, themes] = await readTogether(db, [() => releaseInput(db, organizationId, waveId, k), () => frozenThemes(db, waveId)] as const);
  const started = Date.now();
  const { release } = await computeReleaseOffThread(input, themes);
  if (release.audit.findingsLeft > 0) {
    deps.logger.error({ event: 'release.refused', waveId, audit: release.audit }, 'an employee release failed its audit and was not stored');
    throw new Error('The release of this employee wave did not pass its audit');
  }
  const stored = await db.transaction((tx) => storeRelease(tx, organizationId, waveId, release));
  if (stored) {
    deps.logger.info({ event: 'release.made', waveId, ms: Date.now() - started, audit: release.audit }, 'employee wave released');
  }
  return stored ? release : null;
}

/** Releases being made by this process, by wave: a second caller waits for the same one. */
const making = new Map<string, Promise<ComputedRelease | null>>();

/**
 * Makes a wave's release (makeRelease), once at a time in this process, and waits for it at most
 * `waitMs`. Past that the caller goes on without it — the wave reads as not released yet, which
 * shows nothing — and the release is stored when its audit is done (minutes, for a large wave of
 * small teams). A failure within the wait is thrown; after it, logged. `waitMs` null: to the end.
 */
export async function releaseWithin(deps: ReleaseDeps, organizationId: string, waveId: string, waitMs: number | null): Promise<void> {
  let release = making.get(waveId);
  if (!release) {
    release = makeRelease(deps, organizationId, waveId).finally(() => making.delete(waveId));
    release.catch(() => undefined);
    making.set(waveId, release);
  }
  if (waitMs === null) {
    await release;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
  try {
    if ((await Promise.race([release, late])) === 'late') {
      release.catch((error) => deps.logger.error({ event: 'release.failed', waveId, err: error }, 'the release of a closed employee wave failed; it is made again on the next read'));
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Makes the missing releases of the given employee waves that are closed, or due to close: one
 * statement finds them, then each is made (releaseWithin, waiting at most `waitMs` for them all).
 * Cheap when there is nothing to do.
 */
export async function ensureReleases(deps: ReleaseDeps, organizationId: string, waveIds: readonly string[], waitMs: number): Promise<void> {
  if (waveIds.length === 0) return;
  const due: { id: string }[] = await deps.db.query(
    `SELECT w.id FROM waves w
      WHERE w.organization_id = $1 AND w.id = ANY($2::uuid[]) AND w.audience = 'EMPLOYEE'
        AND (w.status = 'CLOSED' OR (w.status = 'OPEN' AND w.closes_at IS NOT NULL AND w.closes_at <= $3))
        AND NOT EXISTS (SELECT 1 FROM employee_releases r WHERE r.wave_id = w.id)`,
    [organizationId, waveIds, deps.now()],
  );
  await Promise.all(due.map(({ id }) => releaseWithin(deps, organizationId, id, waitMs)));
}

/**
 * Makes a closed wave's release inside the caller's transaction (the demo seed, which writes the
 * whole demo organization in one): reads, computes and stores with `tx`.
 */
export async function releaseInTransaction(tx: EntityManager, logger: Logger, organizationId: string, waveId: string, k: number): Promise<void> {
  // One connection (the seed's transaction): the reads go one after the other (readTogether).
  const [input, themes] = await readTogether(tx, [() => releaseInput(tx, organizationId, waveId, k), () => frozenThemes(tx, waveId)] as const);
  const { release, findings } = await computeReleaseOffThread(input, themes);
  for (const { finding, hidden, about } of findings) logger.debug({ event: 'release.finding', waveId, finding, hidden, about }, 'audit finding settled');
  if (release.audit.findingsLeft > 0) throw new Error('The release of this employee wave did not pass its audit');
  await storeRelease(tx, organizationId, waveId, release);
  logger.debug({ event: 'release.made', waveId, audit: release.audit }, 'employee wave released');
}
