import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { readableAudiences } from '../../survey/waves/wave-access.js';
import { feedbackOwnerScope } from './improvement-access.js';
import type { ImprovementWaveInput } from './improvement.types.js';

const MAX_LINKS = 200;

/** The feedback an improvement is linked to, checked: every id is the organization's and the caller's to link. */
export interface CheckedLinks {
  responseIds: string[];
  followUpIds: string[];
  themeIds: string[];
  waves: { waveId: string; orgUnitId: string | null }[];
}

export interface LinkInput {
  responseIds?: string[] | null;
  followUpIds?: string[] | null;
  themeIds?: string[] | null;
  waveIds?: string[] | null;
  waves?: ImprovementWaveInput[] | null;
}

const distinct = (ids: string[] | null | undefined, field: string): string[] => {
  const list = [...new Set(ids ?? [])];
  if (list.length > MAX_LINKS) throw badInput(field, `At most ${MAX_LINKS} ids`);
  return list;
};

/** The ids of `ids` that are not among `found`. */
const missing = (ids: string[], found: { id: string }[]) => {
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
};

/**
 * Checks every link before anything is written. An id that is not a uuid, belongs to another
 * organization or to a contact the caller does not own (a MANAGER), is NOT_FOUND naming the field.
 *
 * Responses are identified answers only: the `responses` table never holds an employee answer, so an
 * employee wave's id or an employee answer's id passed as a response is simply not found. Employee
 * feedback is linked as a wave, optionally narrowed to an org unit, never as one answer. A wave the
 * caller may not read (a MANAGER and employee waves) is not found either.
 */
export async function checkLinks(db: EntityManager, ctx: Context, organizationId: string, input: LinkInput, prefix: string): Promise<CheckedLinks> {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const responseIds = distinct(input.responseIds, field('responseIds'));
  const followUpIds = distinct(input.followUpIds, field('followUpIds'));
  const themeIds = distinct(input.themeIds, field('themeIds'));
  const waveInputs = [...(input.waveIds ?? []).map((waveId) => ({ waveId, orgUnitId: null as string | null })), ...(input.waves ?? []).map((w) => ({ waveId: w.waveId, orgUnitId: w.orgUnitId ?? null }))];
  if (waveInputs.length > MAX_LINKS) throw badInput(field('waves'), `At most ${MAX_LINKS} waves`);
  const own = feedbackOwnerScope(ctx);

  const check = async (ids: string[], sql: string, params: unknown[], what: string, name: string) => {
    if (ids.length === 0) return;
    const bad = ids.find((id) => !isUuid(id));
    if (bad) throw notFound(what, field(name));
    const rows: { id: string }[] = await db.query(sql, params);
    if (missing(ids, rows).length > 0) throw notFound(what, field(name));
  };
  await check(responseIds, `SELECT id FROM responses WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR owner_id = $3)`, [organizationId, responseIds, own], 'Response', 'responseIds');
  await check(followUpIds, `SELECT id FROM follow_ups WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR owner_id = $3)`, [organizationId, followUpIds, own], 'Follow-up', 'followUpIds');
  await check(themeIds, `SELECT id FROM themes WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, themeIds], 'Theme', 'themeIds');

  const waveIds = [...new Set(waveInputs.map((w) => w.waveId))];
  const unitIds = [...new Set(waveInputs.flatMap((w) => (w.orgUnitId ? [w.orgUnitId] : [])))];
  const readable = [...readableAudiences(ctx.principal!)];
  await check(waveIds, `SELECT id FROM waves WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND audience = ANY($3::text[])`, [organizationId, waveIds, readable], 'Wave', 'waves.waveId');
  await check(unitIds, `SELECT id FROM org_units WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, unitIds], 'Org unit', 'waves.orgUnitId');
  const seen = new Set<string>();
  const waves = waveInputs.filter((w) => {
    const key = `${w.waveId}|${w.orgUnitId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { responseIds, followUpIds, themeIds, waves };
}

/** Writes checked links; links already there are kept as they are. */
export async function insertLinks(tx: EntityManager, improvementId: string, links: CheckedLinks): Promise<void> {
  if (links.responseIds.length) {
    await tx.query(`INSERT INTO improvement_responses (improvement_id, response_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [improvementId, links.responseIds]);
  }
  if (links.followUpIds.length) {
    await tx.query(`INSERT INTO improvement_follow_ups (improvement_id, follow_up_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [improvementId, links.followUpIds]);
  }
  if (links.themeIds.length) {
    await tx.query(`INSERT INTO improvement_themes (improvement_id, theme_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [improvementId, links.themeIds]);
  }
  for (const w of links.waves) {
    await tx.query(`INSERT INTO improvement_waves (improvement_id, wave_id, org_unit_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [improvementId, w.waveId, w.orgUnitId]);
  }
}
