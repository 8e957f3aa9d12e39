import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { AUDIENCES, type Audience } from '../../survey/waves/wave.entity.js';
import { BenchmarkType, NpsTargetType, type AddBenchmarkInput } from './board.types.js';
import { type PeriodInput } from '../../reporting/base/period.input.js';
import { calendarPeriod, MAX_YEAR, MIN_YEAR } from '../../reporting/base/calendar-period.js';

/**
 * Targets per audience and period, and industry benchmarks, that an organization's ADMIN or LEADER
 * sets; the board shows them beside the scores. Bad input changes nothing and names the field.
 */

export const MAX_NAME_LENGTH = 200;
export const MAX_SOURCE_LENGTH = 500;

function checkAudience(audience: Audience, field: string): Audience {
  if (!AUDIENCES.includes(audience)) throw badInput(field, `Unknown audience ${audience}`);
  return audience;
}

/** An NPS: a finite number from −100 to 100. */
function checkNps(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -100 || value > 100) throw badInput(field, 'An NPS value must be from -100 to 100');
  return value;
}

interface TargetRow {
  id: string;
  audience: Audience;
  year: number;
  quarter: number | null;
  value: string | number;
}

const targetOf = (r: TargetRow) =>
  Object.assign(new NpsTargetType(), {
    id: r.id,
    audience: r.audience,
    year: r.year,
    quarter: r.quarter,
    period: r.quarter === null ? String(r.year) : `${r.year}-Q${r.quarter}`,
    value: Number(r.value),
  });

/** Sets the target of an audience for a year or a quarter (replacing the one there was). */
export async function setNpsTarget(ctx: Context, audience: Audience, period: PeriodInput, value: number): Promise<NpsTargetType> {
  const organizationId = orgOf(ctx);
  checkAudience(audience, 'audience');
  const p = calendarPeriod(period);
  checkNps(value, 'value');
  const [row]: TargetRow[] = await ctx.db.query(
    `INSERT INTO nps_targets (organization_id, audience, year, quarter, value, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (organization_id, audience, year, (coalesce(quarter, 0)))
       DO UPDATE SET value = EXCLUDED.value, created_by = EXCLUDED.created_by, updated_at = now()
     RETURNING id, audience, year, quarter, value`,
    [organizationId, audience, p.year, p.quarter, value, ctx.principal?.kind === 'user' ? ctx.principal.id : null],
  );
  ctx.logger.info({ event: 'target.set', audience, period: p.label, value }, 'NPS target set');
  return targetOf(row);
}

/** Removes the target of an audience for a year or a quarter; false when there was none. */
export async function removeNpsTarget(ctx: Context, audience: Audience, period: PeriodInput): Promise<boolean> {
  const organizationId = orgOf(ctx);
  checkAudience(audience, 'audience');
  const p = calendarPeriod(period);
  const removed: { id: string }[] = await ctx.db.query(
    `WITH removed AS (DELETE FROM nps_targets WHERE organization_id = $1 AND audience = $2 AND year = $3 AND coalesce(quarter, 0) = $4 RETURNING id) SELECT id FROM removed`,
    [organizationId, audience, p.year, p.quarter ?? 0],
  );
  if (removed.length > 0) ctx.logger.info({ event: 'target.removed', audience, period: p.label }, 'NPS target removed');
  return removed.length > 0;
}

/** The organization's targets, of one year or all, by year, quarter (the year's first) and audience. */
export async function listNpsTargets(ctx: Context, year: number | null | undefined): Promise<NpsTargetType[]> {
  const organizationId = orgOf(ctx);
  if (year !== null && year !== undefined && (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)) {
    throw badInput('year', `year must be from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  const rows: TargetRow[] = await ctx.db.query(
    `SELECT id, audience, year, quarter, value FROM nps_targets
      WHERE organization_id = $1 AND ($2::int IS NULL OR year = $2::int)
      ORDER BY year, coalesce(quarter, 0), audience`,
    [organizationId, year ?? null],
  );
  return rows.map(targetOf);
}

interface BenchmarkRow {
  id: string;
  audience: Audience;
  name: string;
  value: string | number;
  source: string | null;
  created_at: Date;
}

const benchmarkOf = (r: BenchmarkRow) =>
  Object.assign(new BenchmarkType(), { id: r.id, audience: r.audience, name: r.name, value: Number(r.value), source: r.source, createdAt: r.created_at });

/** Adds an industry benchmark: a name (1–200 characters), an NPS, and optionally its source (≤ 500). */
export async function addBenchmark(ctx: Context, input: AddBenchmarkInput): Promise<BenchmarkType> {
  const organizationId = orgOf(ctx);
  checkAudience(input.audience, 'input.audience');
  const name = (input.name ?? '').trim();
  if (name.length === 0 || [...name].length > MAX_NAME_LENGTH) throw badInput('input.name', `A benchmark needs a name of 1 to ${MAX_NAME_LENGTH} characters`);
  checkNps(input.value, 'input.value');
  const source = input.source?.trim() || null;
  if (source !== null && [...source].length > MAX_SOURCE_LENGTH) throw badInput('input.source', `The source must be at most ${MAX_SOURCE_LENGTH} characters`);
  const [row]: BenchmarkRow[] = await ctx.db.query(
    `INSERT INTO nps_benchmarks (organization_id, audience, name, value, source, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, audience, name, value, source, created_at`,
    [organizationId, input.audience, name, input.value, source, ctx.principal?.kind === 'user' ? ctx.principal.id : null],
  );
  ctx.logger.info({ event: 'benchmark.added', benchmarkId: row.id, audience: input.audience }, 'benchmark added');
  return benchmarkOf(row);
}

/** Removes a benchmark of the organization; another organization's id is NOT_FOUND, like an unknown one. */
export async function removeBenchmark(ctx: Context, id: string): Promise<boolean> {
  const organizationId = orgOf(ctx);
  if (!isUuid(id)) throw notFound('Benchmark');
  const removed: { id: string }[] = await ctx.db.query(`WITH removed AS (DELETE FROM nps_benchmarks WHERE id = $1 AND organization_id = $2 RETURNING id) SELECT id FROM removed`, [id, organizationId]);
  if (removed.length === 0) throw notFound('Benchmark');
  ctx.logger.info({ event: 'benchmark.removed', benchmarkId: id }, 'benchmark removed');
  return true;
}

/** The organization's benchmarks, of one audience or all, oldest first. */
export async function listBenchmarks(ctx: Context, audience: Audience | null | undefined): Promise<BenchmarkType[]> {
  const organizationId = orgOf(ctx);
  const rows: BenchmarkRow[] = await ctx.db.query(
    `SELECT id, audience, name, value, source, created_at FROM nps_benchmarks
      WHERE organization_id = $1 AND ($2::text IS NULL OR audience = $2::text)
      ORDER BY created_at, name, id`,
    [organizationId, audience ?? null],
  );
  return rows.map(benchmarkOf);
}

/** For the board: each audience's target of a period — its quarter's, else its year's. */
export async function targetsFor(ctx: Context, organizationId: string, year: number, quarter: number | null): Promise<Map<Audience, number>> {
  const rows: { audience: Audience; quarter: number | null; value: string }[] = await ctx.db.query(
    `SELECT audience, quarter, value FROM nps_targets WHERE organization_id = $1 AND year = $2 AND (quarter IS NULL OR quarter = $3)`,
    [organizationId, year, quarter],
  );
  const targets = new Map<Audience, number>();
  for (const r of rows) if (r.quarter === null && !targets.has(r.audience)) targets.set(r.audience, Number(r.value));
  for (const r of rows) if (r.quarter !== null) targets.set(r.audience, Number(r.value));
  return targets;
}
