import type { Context } from '../../graphql/context.js';
import { orgOf } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { readableAudiences } from '../waves/wave-access.js';
import { OrgUnitResponseRate } from './employee-results.types.js';
import { foldRates, type UnitCount } from './rate-fold.js';
import { thresholdOf } from './threshold.js';

/**
 * Response rates of an employee wave per org unit (PRODUCT.md 5, docs/anonymity.md): counts of
 * participations only — how many were invited and how many responded — never who.
 *
 * Participations do not keep the org unit at invitation time, so a unit's people are the
 * employees whose CURRENT org unit it is (employees without one form a "No org unit" unit).
 */

export const OTHER_UNITS_KEY = 'other';

/** Invited and responded per wave and org unit (the employee's current one), for the given waves (all when null); one grouped query. */
export async function unitCountsOfWaves(ctx: Context, waveIds: string[] | null): Promise<Map<string, UnitCount[]>> {
  const rows: { wave_id: string; org_unit_id: string | null; name: string | null; invited: number; responded: number }[] = await ctx.db.query(
    `SELECT p.wave_id, e.org_unit_id, u.name,
            count(*)::int AS invited, count(*) FILTER (WHERE p.responded)::int AS responded
       FROM employee_participations p
       JOIN employees e ON e.id = p.employee_id AND e.organization_id = p.organization_id
       LEFT JOIN org_units u ON u.id = e.org_unit_id AND u.organization_id = p.organization_id
      WHERE p.organization_id = $1 AND ($2::uuid[] IS NULL OR p.wave_id = ANY($2::uuid[]))
      GROUP BY p.wave_id, e.org_unit_id, u.name`,
    [orgOf(ctx), waveIds],
  );
  const byWave = new Map<string, UnitCount[]>();
  for (const r of rows) {
    const unit: UnitCount = {
      key: r.org_unit_id ?? 'unassigned',
      label: r.name ?? 'No org unit',
      orgUnitId: r.org_unit_id,
      invited: r.invited,
      responded: r.responded,
    };
    byWave.set(r.wave_id, [...(byWave.get(r.wave_id) ?? []), unit]);
  }
  return byWave;
}

/**
 * The HR wave page's response rate per org unit: the rows foldRates allows, units by name, the
 * merged "Other units" row last.
 */
export async function responseRatesByOrgUnit(ctx: Context, waveId: string): Promise<OrgUnitResponseRate[]> {
  orgOf(ctx);
  const wave = await ctx.loaders.wave.load(waveId);
  if (!wave || !readableAudiences(ctx.principal!).has(wave.audience)) throw notFound('Wave', 'waveId');
  if (wave.audience !== 'EMPLOYEE') throw badInput('waveId', 'Response rates by org unit are reported for employee waves');
  const [k, byWave] = await Promise.all([thresholdOf(ctx), unitCountsOfWaves(ctx, [wave.id])]);
  const fold = foldRates(byWave.get(wave.id) ?? [], k);
  const rows = [...fold.shown]
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key))
    .map((u) => OrgUnitResponseRate.of(u.key, u.label, u.orgUnitId, u.invited, u.responded));
  if (fold.other) {
    rows.push(OrgUnitResponseRate.of(OTHER_UNITS_KEY, `Other units (merged: no row under ${k} invited)`, null, fold.other.invited, fold.other.responded));
  }
  return rows;
}
