import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, conflict, invalidState } from '../../kernel/errors.js';
import { isoDay } from '../base/periods.js';
import { calendarPeriod, MAX_YEAR, MIN_YEAR, type CalendarPeriod } from '../base/calendar-period.js';
import { rankedEntries } from '../leaderboards/leaderboard.service.js';
import type { Ranked } from '../leaderboards/ranking.js';
import { Award, AwardEvent, AwardPeriod } from './award.types.js';
import { CATEGORIES, categoryLabel, podiumOf, type Category } from './categories.js';

/**
 * Awards: a leader freezes the podium (top three eligible) of every category of a period that has
 * ended; an admin may reopen it (recorded with who, when and why), and the next finalize replaces
 * its awards. The winners' names and numbers are copied into the award rows, so later answers,
 * imports, renames or moves in the org chart leave them as they were.
 */

interface PeriodRow {
  id: string;
  year: number;
  quarter: number | null;
  label: string;
  status: 'FINALIZED' | 'REOPENED';
  finalized_at: Date;
  reopened_at: Date | null;
  reopen_note: string | null;
}

const lockPeriod = async (tx: EntityManager, organizationId: string, p: CalendarPeriod): Promise<PeriodRow | undefined> =>
  ((await tx.query(`SELECT * FROM award_periods WHERE organization_id = $1 AND year = $2 AND coalesce(quarter, 0) = $3 FOR UPDATE`, [
    organizationId,
    p.year,
    p.quarter ?? 0,
  ])) as PeriodRow[])[0];

const userName = async (tx: EntityManager, id: string): Promise<string> =>
  ((await tx.query(`SELECT name FROM users WHERE id = $1`, [id])) as { name: string }[])[0]?.name ?? 'Unknown user';

/** Freezes the podium of every category of an ended period (LEADER). */
export async function finalizeAwards(ctx: Context, input: { year: number; quarter?: number | null }): Promise<Award[]> {
  const user = userOf(ctx);
  const organizationId = orgOf(ctx);
  const period = calendarPeriod(input ?? ({} as { year: number }), 'period');
  const now = ctx.app.now();
  if (period.to >= isoDay(now)) throw invalidState(`${period.label} has not ended yet: its awards can be finalized from the day after its last day`, 'period');
  const finalized = await ctx.db.query(`SELECT 1 FROM award_periods WHERE organization_id = $1 AND year = $2 AND coalesce(quarter, 0) = $3 AND status = 'FINALIZED'`, [
    organizationId,
    period.year,
    period.quarter ?? 0,
  ]);
  if (finalized.length > 0) throw conflict('period', `The awards of ${period.label} are already finalized; an admin can reopen the period`);

  // Every category's leaderboard, read before the transaction (reads only).
  const boards = await Promise.all(CATEGORIES.map((c) => rankedEntries(ctx, organizationId, period, c.entity, c.metric, c.audience)));

  return ctx.db.transaction(async (tx) => {
    const row = await lockPeriod(tx, organizationId, period);
    if (row?.status === 'FINALIZED') throw conflict('period', `The awards of ${period.label} are already finalized; an admin can reopen the period`);
    let periodId: string;
    if (row) {
      periodId = row.id;
      await tx.query(`DELETE FROM awards WHERE period_id = $1`, [periodId]);
      await tx.query(`UPDATE award_periods SET status = 'FINALIZED', finalized_by = $2, finalized_at = $3 WHERE id = $1`, [periodId, user.id, now]);
    } else {
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO award_periods (organization_id, year, quarter, label, status, finalized_by, finalized_at)
         VALUES ($1, $2, $3, $4, 'FINALIZED', $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [organizationId, period.year, period.quarter, period.label, user.id, now],
      );
      if (inserted.length === 0) throw conflict('period', `The awards of ${period.label} are already finalized`);
      periodId = inserted[0].id;
    }
    const places = CATEGORIES.flatMap((c, i) => podiumOf(c, boards[i]).map((entry) => awardRow(c, entry)));
    if (places.length > 0) {
      await tx.query(
        `INSERT INTO awards (organization_id, period_id, period, year, quarter, category, entity, metric, audience, entity_id, winner_name,
                             value, responses, invited, nps, ci_low, ci_high, significant, rank, finalized_at)
         SELECT $1, $2, $3, $4, $5, x.category, x.entity, x.metric, x.audience, x.entity_id, x.winner_name,
                x.value, x.responses, x.invited, x.nps, x.ci_low, x.ci_high, x.significant, x.rank, $6
           FROM jsonb_to_recordset($7::jsonb) AS x(category text, entity text, metric text, audience text, entity_id uuid, winner_name text,
                value double precision, responses int, invited int, nps double precision, ci_low double precision, ci_high double precision,
                significant boolean, rank int)`,
        [organizationId, periodId, period.label, period.year, period.quarter, now, JSON.stringify(places)],
      );
    }
    await tx.query(`INSERT INTO award_events (organization_id, period_id, kind, by_id, by_name, at) VALUES ($1, $2, 'FINALIZED', $3, $4, $5)`, [
      organizationId,
      periodId,
      user.id,
      await userName(tx, user.id),
      now,
    ]);
    return readAwards(tx, organizationId, { periodId, winnersOnly: false });
  });
}

function awardRow(c: Category, e: Ranked) {
  return {
    category: categoryLabel(c),
    entity: c.entity,
    metric: c.metric,
    audience: c.audience,
    entity_id: e.entityId,
    winner_name: e.name,
    value: e.value,
    responses: e.responses,
    invited: e.invited,
    nps: e.summary?.nps ?? null,
    ci_low: e.ciLow,
    ci_high: e.ciHigh,
    significant: e.significant,
    rank: e.rank,
  };
}

/** Marks a finalized period reopened, with who, when and why (ADMIN); its awards stay until the next finalize replaces them. */
export async function reopenAwards(ctx: Context, input: { year: number; quarter?: number | null }, note: string): Promise<AwardPeriod> {
  const user = userOf(ctx);
  const organizationId = orgOf(ctx);
  const period = calendarPeriod(input ?? ({} as { year: number }), 'period');
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length < 1 || text.length > 2000) throw badInput('note', 'Say why the period is reopened (1 to 2000 characters)');
  const now = ctx.app.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await lockPeriod(tx, organizationId, period);
    if (!row) throw invalidState(`The awards of ${period.label} have not been finalized`, 'period');
    if (row.status === 'REOPENED') throw conflict('period', `${period.label} is already reopened`);
    await tx.query(`UPDATE award_periods SET status = 'REOPENED', reopened_by = $2, reopened_at = $3, reopen_note = $4 WHERE id = $1`, [row.id, user.id, now, text]);
    await tx.query(`INSERT INTO award_events (organization_id, period_id, kind, by_id, by_name, note, at) VALUES ($1, $2, 'REOPENED', $3, $4, $5, $6)`, [
      organizationId,
      row.id,
      user.id,
      await userName(tx, user.id),
      text,
      now,
    ]);
    return row.id;
  });
  return (await readPeriods(ctx.db, organizationId, { periodId: id }))[0];
}

function checkYear(year: number | null | undefined): number | null {
  if (year === null || year === undefined) return null;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw badInput('year', `year must be from ${MIN_YEAR} to ${MAX_YEAR}`);
  return year;
}

/** The winners of a year's periods (or of all), each with the places 2 and 3 of the category. */
export async function listAwards(ctx: Context, year: number | null | undefined): Promise<Award[]> {
  return readAwards(ctx.db, orgOf(ctx), { year: checkYear(year), winnersOnly: true });
}

/** One award (any place), e.g. for its certificate; another organization's id is a miss. */
export async function findAward(ctx: Context, id: string): Promise<Award | null> {
  const organizationId = orgOf(ctx);
  if (!isUuid(id)) return null;
  const [award] = await readAwards(ctx.db, organizationId, { awardId: id, winnersOnly: false });
  return award ?? null;
}

/** Finalized periods of a year (or all), newest first, with their history. */
export function listAwardPeriods(ctx: Context, year: number | null | undefined): Promise<AwardPeriod[]> {
  return readPeriods(ctx.db, orgOf(ctx), { year: checkYear(year) });
}

interface AwardRow {
  id: string;
  period_id: string;
  period: string;
  year: number;
  quarter: number | null;
  category: string;
  entity: Award['entity'];
  metric: Award['metric'];
  audience: Award['audience'];
  entity_id: string | null;
  winner_name: string;
  value: number;
  responses: number;
  invited: number | null;
  nps: number | null;
  ci_low: number | null;
  ci_high: number | null;
  significant: boolean | null;
  rank: number;
  finalized_at: Date;
  reopened: boolean;
}

/** Award rows in one statement: newest period first, categories in their fixed order, then place. */
async function readAwards(
  db: EntityManager,
  organizationId: string,
  f: { year?: number | null; periodId?: string; awardId?: string; winnersOnly: boolean },
): Promise<Award[]> {
  const rows: AwardRow[] = await db.query(
    `SELECT a.*, p.status = 'REOPENED' AS reopened
       FROM awards a JOIN award_periods p ON p.id = a.period_id
      WHERE a.organization_id = $1
        AND ($2::int IS NULL OR a.year = $2)
        AND ($3::uuid IS NULL OR a.period_id = $3)
        AND ($4::uuid IS NULL OR (a.period_id, a.category) = (SELECT period_id, category FROM awards WHERE id = $4 AND organization_id = $1))
      ORDER BY a.year DESC, coalesce(a.quarter, 5) DESC, a.rank`,
    [organizationId, f.year ?? null, f.periodId ?? null, f.awardId ?? null],
  );
  const order = (r: AwardRow) => CATEGORIES.findIndex((c) => categoryLabel(c) === r.category);
  rows.sort((a, b) => b.year - a.year || (b.quarter ?? 5) - (a.quarter ?? 5) || order(a) - order(b) || a.rank - b.rank);
  const awards = rows.map(toAward);
  const key = (a: Award) => `${a.period}|${a.category}`;
  for (const a of awards) if (a.rank === 1) a.runnersUp = awards.filter((b) => key(b) === key(a) && b.rank > 1);
  if (f.awardId) return awards.filter((a) => a.id === f.awardId);
  return f.winnersOnly ? awards.filter((a) => a.rank === 1) : awards;
}

function toAward(r: AwardRow): Award {
  return Object.assign(new Award(), {
    id: r.id,
    period: r.period,
    year: r.year,
    quarter: r.quarter,
    category: r.category,
    entity: r.entity,
    metric: r.metric,
    audience: r.audience,
    entityId: r.entity_id,
    winnerName: r.winner_name,
    rank: r.rank,
    value: r.value,
    responses: r.responses,
    invited: r.invited,
    nps: r.nps,
    ciLow: r.ci_low,
    ciHigh: r.ci_high,
    significant: r.significant,
    finalizedAt: r.finalized_at,
    reopened: r.reopened,
    runnersUp: [],
  });
}

async function readPeriods(db: EntityManager, organizationId: string, f: { year?: number | null; periodId?: string }): Promise<AwardPeriod[]> {
  const [periods, events]: [PeriodRow[], { period_id: string; kind: AwardEvent['kind']; by_name: string; at: Date; note: string | null }[]] = await Promise.all([
    db.query(
      `SELECT * FROM award_periods WHERE organization_id = $1 AND ($2::int IS NULL OR year = $2) AND ($3::uuid IS NULL OR id = $3)
        ORDER BY year DESC, coalesce(quarter, 5) DESC`,
      [organizationId, f.year ?? null, f.periodId ?? null],
    ),
    db.query(
      `SELECT e.period_id, e.kind, e.by_name, e.at, e.note FROM award_events e JOIN award_periods p ON p.id = e.period_id
        WHERE e.organization_id = $1 AND ($2::int IS NULL OR p.year = $2) AND ($3::uuid IS NULL OR p.id = $3)
        ORDER BY e.at, e.id`,
      [organizationId, f.year ?? null, f.periodId ?? null],
    ),
  ]);
  return periods.map((p) =>
    Object.assign(new AwardPeriod(), {
      id: p.id,
      period: p.label,
      year: p.year,
      quarter: p.quarter,
      status: p.status,
      finalizedAt: p.finalized_at,
      reopenedAt: p.reopened_at,
      reopenNote: p.reopen_note,
      events: events
        .filter((e) => e.period_id === p.id)
        .map((e) => Object.assign(new AwardEvent(), { kind: e.kind, byName: e.by_name, at: e.at, note: e.note })),
    }),
  );
}
