import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../../kernel/context.js';
import { noteEmployeeRead, orgOf } from '../../../kernel/context.js';
import { isUuid } from '../../../kernel/batch.js';
import { participationFamily } from '../release/compute.js';
import { groupModel } from '../release/groups.js';
import type { Unit } from '../release/model.js';
import { thresholdOf } from '../../../identity/organizations/anonymity-threshold.js';

/**
 * Participation in an employee wave — the only thing shown while it runs (PRODUCT.md section 5):
 * how many of the wave's participants (fixed at its first invitation, with their unit as the
 * snapshot has it) were invited and have answered, overall and per org unit of the laminar
 * participation family (release/families.ts: every atom at least k people invited, so no
 * difference of two rows narrows below k). Never who.
 */
export interface ParticipationRow {
  key: string;
  label: string;
  orgUnitId: string | null;
  parentKey: string | null;
  invited: number;
  responded: number;
}

/** A wave's participation per group of the family, the whole wave first; [] below k invited. */
export async function waveParticipation(ctx: Context, waveId: string): Promise<ParticipationRow[]> {
  return (await participationOf(ctx, waveId)).shown;
}

/**
 * Employee response rates per team over some waves (the leaderboard's): a unit is listed only when
 * every one of the waves in which it has participants shows its row, and its counts are the sums of
 * those rows — nothing a reader could not add up from the wave pages.
 */
export async function employeeTeamRates(ctx: Context, waveIds: readonly string[]): Promise<Map<string, { invited: number; responded: number }>> {
  const perWave = await Promise.all(waveIds.map((id) => participationOf(ctx, id)));
  const sums = new Map<string, { invited: number; responded: number }>();
  const left = new Set<string>();
  for (const wave of perWave) {
    const shown = new Map(wave.shown.filter((r) => r.orgUnitId).map((r) => [r.orgUnitId!, r]));
    for (const unitId of wave.present) {
      const row = shown.get(unitId);
      if (!row) {
        left.add(unitId);
        continue;
      }
      const sum = sums.get(unitId) ?? { invited: 0, responded: 0 };
      sums.set(unitId, { invited: sum.invited + row.invited, responded: sum.responded + row.responded });
    }
  }
  for (const unitId of left) sums.delete(unitId);
  return sums;
}

/** The family's rows, and every unit with participants in the wave (shown or not). */
async function participationOf(ctx: Context, waveId: string): Promise<{ shown: ParticipationRow[]; present: Set<string> }> {
  const organizationId = orgOf(ctx);
  const [k, units, cells] = await Promise.all([
    thresholdOf(ctx),
    ctx.db.query(`SELECT id, parent_id AS "parentId", name FROM org_units WHERE organization_id = $1`, [organizationId]) as Promise<Unit[]>,
    ctx.db.query(
      `SELECT org_unit_id AS "unitId", location, tenure_band AS "tenureBand", count(*)::int AS invited, count(*) FILTER (WHERE responded)::int AS responded
         FROM employee_participations WHERE organization_id = $1 AND wave_id = $2
        GROUP BY 1, 2, 3`,
      [organizationId, waveId],
    ) as Promise<{ unitId: string | null; location: string | null; tenureBand: string | null; invited: number; responded: number }[]>,
  ]);
  if (cells.length > 0) noteEmployeeRead(ctx, [waveId]);
  const participants = cells.flatMap((c) => Array.from({ length: c.invited }, (_, i) => ({ unitId: c.unitId, location: c.location, tenureBand: c.tenureBand, responded: i < c.responded })));
  const model = groupModel({ k, units, participants, answers: [] });
  const family = participationFamily(model, k);
  // Responded per cell of the model (cells normalise unknown units and blank values as groups.ts does).
  const known = new Set(units.map((u) => u.id));
  const cellIndex = new Map(model.cells.map((c, i) => [JSON.stringify([c.unitId, c.location, c.tenureBand]), i]));
  const respondedByCell = new Array<number>(model.cells.length).fill(0);
  for (const c of cells) {
    const i = cellIndex.get(JSON.stringify([c.unitId && known.has(c.unitId) ? c.unitId : null, c.location || null, c.tenureBand || null]));
    if (i !== undefined) respondedByCell[i] += c.responded;
  }
  const respondedIn = (cellIndices: number[]) => cellIndices.reduce((n, i) => n + respondedByCell[i], 0);
  const shown = model.groups
    .filter((g) => family.has(g.key))
    .map((g) => ({
      key: g.key,
      label: g.label,
      orgUnitId: g.unitId,
      parentKey: g.parentKey,
      invited: g.cells.reduce((n, i) => n + model.cells[i].invited, 0),
      responded: respondedIn(g.cells),
    }));
  return { shown, present: new Set(model.groups.flatMap((g) => (g.dimension === 'ORG_UNIT' && g.unitId ? [g.unitId] : []))) };
}

/** Invited and responded of whole waves, for a page of waves: one statement (wave_response_counts, kept by triggers). */
export const waveTotalsLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, { invited: number; responded: number }>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows: { wave_id: string; invited: number; responded: number }[] =
      organizationId && valid.length
        ? await db.query(
            `SELECT wave_id, sum(invited)::int AS invited, sum(responded)::int AS responded
               FROM wave_response_counts WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) GROUP BY wave_id`,
            [organizationId, valid],
          )
        : [];
    const byId = new Map(rows.map((r) => [r.wave_id, r]));
    return ids.map((id) => byId.get(id) ?? { invited: 0, responded: 0 });
  });
