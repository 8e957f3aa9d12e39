import type { Context } from '../../graphql/context.js';

/**
 * Employee results are dated by their wave, never by the answer: a date range, a trend period or a
 * board period selects the employee waves that opened within it. Waves then nest in periods (a
 * month is a set of whole waves, a quarter a set of months), so a period can always be checked
 * against the waves' own guarded breakdown, and no two date ranges can differ by a few answers
 * of one day. (The answer keeps its date only for the rollup's bookkeeping.)
 */

/** A wave's opening day (UTC): when it opened, else when it was planned to, else its creation. */
export const OPENING_DAY_SQL = (w: string) => `((coalesce(${w}.opened_at, ${w}.opens_at, ${w}.created_at)) AT TIME ZONE 'UTC')::date`;

/** The inclusive UTC days a filter names, YYYY-MM-DD; null for an open end. */
export interface DaySpan {
  from: string | null;
  to: string | null;
}

/**
 * The organization's employee waves (not drafts: nobody answers a draft) that opened within the
 * span, among `waveIds` when given.
 */
export async function employeeWavesOpenedIn(ctx: Context, organizationId: string, span: DaySpan, waveIds: string[] | null): Promise<string[]> {
  const rows: { id: string }[] = await ctx.db.query(
    `SELECT w.id FROM waves w
      WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE' AND w.status <> 'DRAFT'
        AND ($2::date IS NULL OR ${OPENING_DAY_SQL('w')} >= $2::date)
        AND ($3::date IS NULL OR ${OPENING_DAY_SQL('w')} <= $3::date)
        AND ($4::uuid[] IS NULL OR w.id = ANY($4::uuid[]))
      ORDER BY w.id`,
    [organizationId, span.from, span.to, waveIds],
  );
  return rows.map((r) => r.id);
}
