import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { nps, weightedNpsOf } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { readsIdentified } from './board.service.js';
import type { Queryable } from '../../reporting/base/rollups.js';

/**
 * Account value on the board (issue 19, as CustomerGauge shows it): of one customer-side audience
 * in the board's period, each contact's LATEST answer weighted by the contact's annual value —
 * value-weighted NPS beside the plain NPS of the same answers, the value held by detractors
 * ("revenue at risk"), and the share of the book's value that answered; in all, per org unit and
 * per owner (those of the answer, as every breakdown). Contacts without a value count in
 * `answered` only. Employees have no account value: EMPLOYEE is refused.
 *
 * Cost: ONE statement with grouping sets over one row per contact who answered — each contact's
 * latest answer of the quarter or year, kept on every answer write by triggers on responses
 * (latest_answers, migration LatestAnswers), read through its primary key — the contacts WITH a
 * value from their partial covering index (contacts_valued_idx, migration BoardPerGroup), names
 * joined after grouping, and the book's value as one aggregate over that index. No answer is read. Measured in docs/performance.md.
 */

@ObjectType('ValueGroup', { description: "One org unit's or owner's latest answers weighted by their accounts' annual value" })
export class ValueGroup {
  @Field(() => ID, { nullable: true, description: 'The org unit or owner; null for answers without one' })
  id: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => Int, { description: 'Contacts with an annual value whose latest answer of the period is here' })
  valued: number;

  @Field(() => Float, { description: 'Their annual value, summed' })
  value: number;

  @Field(() => Float, { description: 'The annual value of those of them who are detractors' })
  valueAtRisk: number;

  @Field(() => Float, { nullable: true, description: 'Value-weighted NPS, −100..100; null without value' })
  weightedNps: number | null;

  @Field(() => Float, { nullable: true, description: 'Plain NPS of the same answers' })
  nps: number | null;
}

@ObjectType('RevenueAtRisk', {
  description:
    "A customer-side audience's latest answer per contact in the board's period, weighted by the contact's annual value (in the organization's money): value-weighted NPS, the value held by detractors, and the share of value that answered",
})
export class RevenueAtRisk {
  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => Int, { description: 'Contacts who answered in the period (their latest answer counts)' })
  answered: number;

  @Field(() => Int, { description: 'Of them, those with an annual value' })
  valued: number;

  @Field(() => Float, { description: 'The annual value of the contacts who answered' })
  valueAnswered: number;

  @Field(() => Float, { description: 'Of it, the value of detractors: revenue at risk' })
  valueAtRisk: number;

  @Field(() => Float, { description: "The annual value of all the organization's contacts with one (the book)" })
  valueTotal: number;

  @Field(() => Float, { nullable: true, description: 'valueAnswered ÷ valueTotal, 0..1: how much of the book the answers cover; null without any value' })
  coverage: number | null;

  @Field(() => Float, { nullable: true, description: 'Value-weighted NPS (nps-core weightedNpsOf), −100..100; null without value' })
  weightedNps: number | null;

  @Field(() => Float, { nullable: true, description: 'Plain NPS of the same latest answers of valued contacts, for comparison' })
  nps: number | null;

  @Field(() => [ValueGroup], { description: 'Per org unit, most value at risk first (at most `top`)' })
  byOrgUnit: ValueGroup[];

  @Field(() => [ValueGroup], { description: 'Per owner, most value at risk first (at most `top`)' })
  byOwner: ValueGroup[];
}

export interface Row {
  id: string | null;
  dim: 'all' | 'unit' | 'owner';
  name: string | null;
  answered: number;
  promoters: number;
  passives: number;
  detractors: number;
  v_promoters: number;
  v_passives: number;
  v_detractors: number;
  value_total: number | null;
}

export const MAX_TOP = 50;

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

function group(r: Row): ValueGroup {
  const amounts = { promoters: num(r.v_promoters), passives: num(r.v_passives), detractors: num(r.v_detractors) };
  return Object.assign(new ValueGroup(), {
    id: r.id,
    name: r.name,
    valued: r.promoters + r.passives + r.detractors,
    value: amounts.promoters + amounts.passives + amounts.detractors,
    valueAtRisk: amounts.detractors,
    weightedNps: weightedNpsOf(amounts),
    nps: nps({ promoters: r.promoters, passives: r.passives, detractors: r.detractors }),
  });
}

const byRisk = (a: ValueGroup, b: ValueGroup) => b.valueAtRisk - a.valueAtRisk || b.value - a.value || (a.name ?? '').localeCompare(b.name ?? '');

/**
 * The board's period as latest_answers keys it: a UTC calendar year ('Y') or quarter ('Q'), by its
 * first day. The board has no other periods (reporting/base/calendar-period); anything else is a
 * programming error, not bad input.
 */
export function grainOf(board: { from: Date; to: Date }): { grain: 'Q' | 'Y'; period: string } {
  const from = board.from.toISOString().slice(0, 10);
  const to = board.to.toISOString().slice(0, 10);
  const [year, month, day] = from.split('-').map(Number);
  if (day === 1 && month === 1 && to === `${year}-12-31`) return { grain: 'Y', period: from };
  const last = new Date(Date.UTC(year, month + 2, 0)).toISOString().slice(0, 10);
  if (day === 1 && (month - 1) % 3 === 0 && to === last) return { grain: 'Q', period: from };
  throw new Error(`revenueAtRisk reads a calendar quarter or year, not ${from}..${to}`);
}

/**
 * The one statement: grouping sets over latest_answers' rows of the period (one per contact who
 * answered), weighted by the contacts' values; exported for the benchmark (scripts/revenue-at-risk-bench.ts).
 */
export async function valueRows(db: Queryable, organizationId: string, audience: Audience, { grain, period }: { grain: 'Q' | 'Y'; period: string }): Promise<Row[]> {
  return (await db.query(
    `WITH valued AS (
       SELECT l.category, l.org_unit_id, l.owner_id, c.annual_value AS v
         FROM latest_answers l LEFT JOIN contacts c ON c.id = l.contact_id AND c.organization_id = $1 AND c.annual_value IS NOT NULL
        WHERE l.organization_id = $1 AND l.audience = $2 AND l.grain = $3 AND l.period = $4
     ), g AS (
       SELECT CASE WHEN grouping(org_unit_id) = 0 THEN 'unit' WHEN grouping(owner_id) = 0 THEN 'owner' ELSE 'all' END AS dim,
              CASE WHEN grouping(org_unit_id) = 0 THEN org_unit_id ELSE owner_id END AS id,
              count(*)::int AS answered,
              count(*) FILTER (WHERE v IS NOT NULL AND category = 'PROMOTER')::int AS promoters,
              count(*) FILTER (WHERE v IS NOT NULL AND category = 'PASSIVE')::int AS passives,
              count(*) FILTER (WHERE v IS NOT NULL AND category = 'DETRACTOR')::int AS detractors,
              coalesce(sum(v) FILTER (WHERE category = 'PROMOTER'), 0)::float8 AS v_promoters,
              coalesce(sum(v) FILTER (WHERE category = 'PASSIVE'), 0)::float8 AS v_passives,
              coalesce(sum(v) FILTER (WHERE category = 'DETRACTOR'), 0)::float8 AS v_detractors
         FROM valued
        GROUP BY GROUPING SETS ((), (org_unit_id), (owner_id))
     )
     SELECT g.*, coalesce(u.name, us.name) AS name,
            CASE WHEN g.dim = 'all' THEN (SELECT sum(annual_value)::float8 FROM contacts WHERE organization_id = $1 AND annual_value IS NOT NULL) END AS value_total
       FROM g
       LEFT JOIN org_units u ON g.dim = 'unit' AND u.id = g.id
       LEFT JOIN users us ON g.dim = 'owner' AND us.id = g.id`,
    [organizationId, audience, grain, period],
  )) as Row[];
}

/** Null for callers who read employee results only (HR), as the board leaves out what they may not read. */
export async function revenueAtRisk(ctx: Context, board: { from: Date; to: Date }, audience: Audience, top: number): Promise<RevenueAtRisk | null> {
  const organizationId = orgOf(ctx);
  if (audience === 'EMPLOYEE') throw badInput('audience', 'Employees carry no account value; revenue at risk is for CUSTOMER, CANDIDATE and ASSOCIATE');
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw badInput('top', `top must be from 1 to ${MAX_TOP}`);
  if (!readsIdentified(ctx.principal!)) return null;
  const rows = await valueRows(ctx.db, organizationId, audience, grainOf(board));
  const total = rows.find((r) => r.dim === 'all');
  const valueTotal = total
    ? num(total.value_total)
    : num((await ctx.db.query(`SELECT sum(annual_value)::float8 AS v FROM contacts WHERE organization_id = $1 AND annual_value IS NOT NULL`, [organizationId]))[0]?.v);
  const all = total ? group(total) : null;
  const groups = (dim: Row['dim']) => rows.filter((r) => r.dim === dim && r.promoters + r.passives + r.detractors > 0).map(group).sort(byRisk).slice(0, top);
  return Object.assign(new RevenueAtRisk(), {
    audience,
    answered: total?.answered ?? 0,
    valued: all?.valued ?? 0,
    valueAnswered: all?.value ?? 0,
    valueAtRisk: all?.valueAtRisk ?? 0,
    valueTotal,
    coverage: valueTotal > 0 ? (all?.value ?? 0) / valueTotal : null,
    weightedNps: all?.weightedNps ?? null,
    nps: all?.nps ?? null,
    byOrgUnit: groups('unit'),
    byOwner: groups('owner'),
  });
}
