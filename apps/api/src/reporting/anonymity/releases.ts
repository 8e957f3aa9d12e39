import DataLoader from 'dataloader';
import type { Context } from '../../kernel/context.js';
import { noteEmployeeRead, orgOf } from '../../kernel/context.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import type { EntityManager } from 'typeorm';
import { rootDataSource } from '../../kernel/data-source-root.js';
import { ensureReleases, releaseWithin, type ReleaseDeps } from './release/service.js';
import { readReleases, type StoredRelease } from './release/store.js';
import { effectiveThreshold } from '../../identity/organizations/anonymity-threshold.js';
import { schedule, type ScheduledJob } from '../../platform/jobs/schedules.js';

/**
 * The releases a request reads, batched: one loader per request makes whatever releases are due
 * (a wave whose closesAt passed is released on the first read after it) and reads the rest in two
 * statements. Everything about employees that Tandem shows comes through here.
 */

/**
 * How long a request waits for a release it started (closeWave, or the first read after closesAt):
 * at most 10 s, and half the request's time limit (QUERY_TIMEOUT_SECONDS), so that the request has
 * time left to answer. A small wave's release is made in well under a second; a large one's goes on
 * after the request and reads as not released yet until it is stored.
 */
export const releaseWaitMs = (ctx: Context): number => {
  const limit = ctx.app.config.queryTimeoutMs;
  return limit > 0 ? Math.min(10_000, limit / 2) : 10_000;
};

/**
 * The manager a release is made with: the data source's own, without the request's time limit
 * (db/query-timeout.ts), since the release may outlive the request that started it — unless the
 * caller holds a transaction, which the release then joins.
 */
const unlimited = (db: EntityManager): EntityManager => (db.queryRunner ? db : rootDataSource(db.connection).manager);

export function releaseDepsOf(ctx: Context): ReleaseDeps {
  return {
    db: unlimited(ctx.db),
    logger: ctx.logger,
    now: () => ctx.app.now(),
    threshold: async () => effectiveThreshold((await settingsOf(ctx)).anonymityThreshold),
  };
}

const loaders = new WeakMap<object, DataLoader<string, StoredRelease | null>>();

function releaseLoader(ctx: Context): DataLoader<string, StoredRelease | null> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    const organizationId = orgOf(ctx);
    loader = new DataLoader(async (waveIds) => {
      await ensureReleases(releaseDepsOf(ctx), organizationId, waveIds, releaseWaitMs(ctx));
      const found = await readReleases(ctx.db, organizationId, waveIds);
      noteEmployeeRead(ctx, waveIds.filter((id) => found.has(id)));
      return waveIds.map((id) => found.get(id) ?? null);
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** The release of a wave, or null while it runs (or for a draft, or another organization's wave). */
export const releaseOf = (ctx: Context, waveId: string): Promise<StoredRelease | null> => releaseLoader(ctx).load(waveId);

/** The releases of some waves, in their order; null for those without one. */
export const releasesOf = (ctx: Context, waveIds: readonly string[]): Promise<(StoredRelease | null)[]> =>
  Promise.all(waveIds.map((id) => releaseOf(ctx, id)));

/**
 * Makes a closed wave's release now (closeWave calls it; it is idempotent), waiting for it at most
 * releaseWaitMs, or to the end when `waitMs` is null (a job, which retries should it fail).
 */
export async function releaseNow(ctx: Context, waveId: string, waitMs: number | null = releaseWaitMs(ctx)): Promise<void> {
  await releaseWithin(releaseDepsOf(ctx), orgOf(ctx), waveId, waitMs);
  loaders.get(ctx.loaders)?.clear(waveId);
}

/**
 * wave.release, the job scheduled at an employee wave's closesAt (survey/waves/wave-schedule.ts):
 * closes the wave if its time has come and makes its release, with the job's retries should that
 * fail (a read after closesAt would make it too; storeRelease keeps one). A job whose closesAt no
 * longer stands (the date was changed) does nothing; one run early by the app's clock is sent again.
 */
export async function releaseScheduled(ctx: Context, job: ScheduledJob): Promise<void> {
  const organizationId = orgOf(ctx);
  const [wave]: { status: string; closes_at: Date | null; released: boolean }[] = job.id
    ? await ctx.db.query(
        `SELECT w.status, w.closes_at, EXISTS (SELECT 1 FROM employee_releases r WHERE r.wave_id = w.id) AS released
           FROM waves w WHERE w.id = $1 AND w.organization_id = $2 AND w.audience = 'EMPLOYEE'`,
        [job.id, organizationId],
      )
    : [];
  if (!wave || wave.released || wave.status === 'DRAFT') return;
  if (wave.status === 'OPEN') {
    if (!wave.closes_at || wave.closes_at.toISOString() !== job.at) return;
    if (wave.closes_at > ctx.app.now()) {
      await schedule(ctx.db, job, wave.closes_at, `${job.kind}:${job.id}:${job.at}:again:${ctx.app.now().toISOString()}`);
      return;
    }
  }
  await releaseNow(ctx, job.id!, null);
}
