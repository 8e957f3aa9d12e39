import type { Context } from '../../kernel/context.js';

/**
 * The organization's employee waves as reporting sees them: a wave counts from its release, and it
 * is released once closed (closeWave, or its closesAt passed). Employee results are dated by the
 * day their wave closed — never by an answer — so a date range, a trend period or a board period
 * selects whole waves (PRODUCT.md section 5).
 */
export interface EmployeeWave {
  id: string;
  name: string;
  /** YYYY-MM-DD (UTC) of the close, or null while the wave runs (or is a draft). */
  closedOn: string | null;
}

const perRequest = new WeakMap<object, Promise<EmployeeWave[]>>();

/** Every non-draft employee wave of the caller's organization, by close day (running ones last); once per request. */
export function employeeWavesOf(ctx: Context, organizationId: string): Promise<EmployeeWave[]> {
  let waves = perRequest.get(ctx.loaders);
  if (!waves) {
    waves = ctx.db.query(
      `SELECT w.id, w.name,
              (CASE WHEN w.status = 'CLOSED' THEN coalesce(w.closed_at, w.closes_at, w.created_at)
                    WHEN w.closes_at IS NOT NULL AND w.closes_at <= $2 THEN w.closes_at END AT TIME ZONE 'UTC')::date::text AS "closedOn"
         FROM waves w
        WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE' AND w.status <> 'DRAFT'
        ORDER BY 3 NULLS LAST, w.created_at, w.id`,
      [organizationId, ctx.app.now()],
    ) as Promise<EmployeeWave[]>;
    perRequest.set(ctx.loaders, waves);
  }
  return waves;
}

/** The inclusive UTC days a filter names, YYYY-MM-DD; null for an open end. */
export interface DaySpan {
  from: string | null;
  to: string | null;
}

/** The released (closed) employee waves that closed within the span, among `among` when given. */
export async function employeeWavesClosedIn(ctx: Context, organizationId: string, span: DaySpan, among: string[] | null): Promise<string[]> {
  const waves = await employeeWavesOf(ctx, organizationId);
  return waves
    .filter((w) => w.closedOn !== null && (!span.from || w.closedOn >= span.from) && (!span.to || w.closedOn <= span.to))
    .filter((w) => !among || among.includes(w.id))
    .map((w) => w.id);
}
