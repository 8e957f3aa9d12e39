import type { EntityManager } from 'typeorm';
import { readTogether } from '../../../kernel/sql.js';
import { discardEmployeeAnswers } from '../../../survey/respondent/anonymous-answer.service.js';
import type { ComputedRelease } from './compute.js';
import type { Answer, CriterionRelease, Dimension, HiddenReason, Participant, ReleaseInput, Unit } from './model.js';

/**
 * The release in the database: what it is made from (the wave's participations and answers,
 * staged ones included) and what it stores (employee_releases and its groups, comments and theme
 * mentions; migration EmployeeReleases). A stored release is never updated.
 */

/** What a wave's release is made from, read in one go. */
export async function releaseInput(db: EntityManager, organizationId: string, waveId: string, k: number): Promise<ReleaseInput> {
  const [units, participants, answers] = await readTogether<[Unit[], Participant[], Answer[]]>(db, [
    () => db.query(`SELECT id, parent_id AS "parentId", name FROM org_units WHERE organization_id = $1`, [organizationId]),
    () => db.query(
      `SELECT org_unit_id AS "unitId", location, tenure_band AS "tenureBand", responded
         FROM employee_participations WHERE organization_id = $1 AND wave_id = $2`,
      [organizationId, waveId],
    ),
    () => db.query(
      `SELECT org_unit_id AS "unitId", location, tenure_band AS "tenureBand", score::int AS score, reason, suggestion, language, ratings
         FROM employee_answers WHERE organization_id = $1 AND wave_id = $2
       UNION ALL
       SELECT org_unit_id, location, tenure_band, score::int, reason, suggestion, language, ratings
         FROM employee_answer_staging WHERE organization_id = $1 AND wave_id = $2`,
      [organizationId, waveId],
    ),
  ]);
  return { k, units, participants, answers };
}

/**
 * Stores a release and deletes the answers it was made from (staged or not): from now on the wave
 * exists only as its release. Returns false when another process stored it first (then this one's
 * work is dropped, and nothing is deleted twice). Runs inside the caller's transaction.
 */
export async function storeRelease(tx: EntityManager, organizationId: string, waveId: string, release: ComputedRelease): Promise<boolean> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('employee-release:' || $1))`, [waveId]);
  const [existing] = await tx.query(`SELECT 1 FROM employee_releases WHERE wave_id = $1`, [waveId]);
  if (existing) return false;
  await tx.query(`INSERT INTO employee_releases (wave_id, organization_id, threshold, audit) VALUES ($1, $2, $3, $4::jsonb)`, [
    waveId,
    organizationId,
    release.k,
    JSON.stringify(storedAudit(release)),
  ]);
  const g = release.groups;
  await tx.query(
    `INSERT INTO employee_release_groups (organization_id, wave_id, key, dimension, org_unit_id, value, label, parent_key, position, invited,
                                          released, hidden_reason, responses, promoters, passives, detractors, distribution, comments,
                                          participation, responded)
     SELECT $1, $2, t.key, t.dimension, t.unit, t.value, t.label, t.parent, t.position, t.invited, t.released, t.reason,
            CASE WHEN t.released THEN t.promoters + t.passives + t.detractors END,
            CASE WHEN t.released THEN t.promoters END, CASE WHEN t.released THEN t.passives END, CASE WHEN t.released THEN t.detractors END,
            CASE WHEN t.distribution IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(t.distribution)::int) END,
            t.comments, t.participation, CASE WHEN t.participation THEN t.responded END
       FROM jsonb_to_recordset($3::jsonb) AS t(key text, dimension text, unit uuid, value text, label text, parent text, position int,
                                                invited int, released boolean, reason text, promoters int, passives int, detractors int,
                                                distribution jsonb, comments boolean, participation boolean, responded int)`,
    [
      organizationId,
      waveId,
      JSON.stringify(
        g.map((group, position) => ({
          key: group.key,
          dimension: group.dimension,
          unit: group.unitId,
          value: group.value,
          label: group.label,
          parent: group.parentKey,
          position,
          invited: group.invited,
          released: group.released,
          reason: group.hiddenReason,
          promoters: group.counts[0],
          passives: group.counts[1],
          detractors: group.counts[2],
          distribution: group.distribution,
          comments: group.comments,
          participation: group.participation,
          responded: group.responses,
        })),
      ),
    ],
  );
  const comments = [...release.comments].flatMap(([key, texts]) => texts.map((text, position) => ({ key, position, text })));
  if (comments.length) {
    await tx.query(
      `INSERT INTO employee_release_comments (organization_id, wave_id, key, position, text)
       SELECT $1, $2, t.key, t.position, t.text FROM jsonb_to_recordset($3::jsonb) AS t(key text, position int, text text)`,
      [organizationId, waveId, JSON.stringify(comments)],
    );
  }
  const mentions = [...release.themeMentions].flatMap(([key, byTheme]) => [...byTheme].map(([theme, n]) => ({ key, theme, n })));
  if (mentions.length) {
    await tx.query(
      `INSERT INTO employee_release_themes (organization_id, wave_id, key, theme_id, name, mentions)
       SELECT $1, $2, t.key, t.theme, coalesce(c.name, ''), t.n
         FROM jsonb_to_recordset($3::jsonb) AS t(key text, theme uuid, n int)
         LEFT JOIN employee_wave_themes c ON c.wave_id = $2 AND c.theme_id = t.theme`,
      [organizationId, waveId, JSON.stringify(mentions)],
    );
  }
  if (release.criteria.length) {
    await tx.query(
      `INSERT INTO employee_release_criteria (organization_id, wave_id, criterion, released, ratings, mean, sd, distribution)
       SELECT $1, $2, t.criterion, t.released, t.ratings, t.mean, t.sd,
              CASE WHEN t.distribution IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(t.distribution)::int) END
         FROM jsonb_to_recordset($3::jsonb) AS t(criterion text, released boolean, ratings int, mean float8, sd float8, distribution jsonb)`,
      [organizationId, waveId, JSON.stringify(release.criteria)],
    );
  }
  await discardEmployeeAnswers(tx, organizationId, waveId);
  return true;
}

/**
 * What is kept of the audit: what the release's groups already show (how many, how many hidden and
 * why) and that nothing is determined. How many solves it took, how many findings it settled, or
 * timeouts depend on the answers (a unanimous cell is one more check), so they go to the log line
 * of the release only, never into the database or the API.
 */
function storedAudit(release: ComputedRelease) {
  const { method, cells, groups, released, hiddenBelowThreshold, hiddenToProtect, findingsLeft } = release.audit;
  return { method, cells, groups, released, hiddenBelowThreshold, hiddenToProtect, findingsLeft };
}

/** One stored group of a release, as the readers use it. */
export interface ReleaseGroupRow {
  waveId: string;
  key: string;
  dimension: Dimension;
  orgUnitId: string | null;
  value: string | null;
  label: string;
  parentKey: string | null;
  invited: number;
  released: boolean;
  hiddenReason: HiddenReason | null;
  /** Null unless released. */
  counts: { promoters: number; passives: number; detractors: number } | null;
  distribution: number[] | null;
  comments: boolean;
  participation: boolean;
  /** Null unless the group's participation is shown. */
  responded: number | null;
}

export interface StoredRelease {
  waveId: string;
  madeAt: Date;
  threshold: number;
  audit: Record<string, unknown>;
  groups: ReleaseGroupRow[];
  byKey: Map<string, ReleaseGroupRow>;
  /** The wave's criteria ratings, by criterion (none for a release made before criteria were). */
  criteria: Map<string, CriterionRelease>;
}

/** The releases of the given waves (those that have one), in three statements. */
export async function readReleases(db: EntityManager, organizationId: string, waveIds: readonly string[]): Promise<Map<string, StoredRelease>> {
  const out = new Map<string, StoredRelease>();
  if (waveIds.length === 0) return out;
  const [heads, rows, criteria] = await Promise.all([
    db.query(
      `SELECT wave_id, made_at, threshold, audit FROM employee_releases WHERE organization_id = $1 AND wave_id = ANY($2::uuid[])`,
      [organizationId, waveIds],
    ) as Promise<{ wave_id: string; made_at: Date; threshold: number; audit: Record<string, unknown> }[]>,
    db.query(
      `SELECT wave_id, key, dimension, org_unit_id, value, label, parent_key, invited, released, hidden_reason, promoters, passives, detractors,
              distribution, comments, participation, responded
         FROM employee_release_groups WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) ORDER BY wave_id, position`,
      [organizationId, waveIds],
    ) as Promise<Record<string, unknown>[]>,
    db.query(
      `SELECT wave_id AS "waveId", criterion, released, ratings, mean, sd, distribution
         FROM employee_release_criteria WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) ORDER BY criterion`,
      [organizationId, waveIds],
    ) as Promise<(CriterionRelease & { waveId: string })[]>,
  ]);
  for (const h of heads) {
    out.set(h.wave_id, { waveId: h.wave_id, madeAt: h.made_at, threshold: h.threshold, audit: h.audit, groups: [], byKey: new Map(), criteria: new Map() });
  }
  for (const { waveId, ...c } of criteria) out.get(waveId)?.criteria.set(c.criterion, c);
  for (const r of rows) {
    const release = out.get(r.wave_id as string);
    if (!release) continue;
    const row: ReleaseGroupRow = {
      waveId: r.wave_id as string,
      key: r.key as string,
      dimension: r.dimension as Dimension,
      orgUnitId: (r.org_unit_id as string | null) ?? null,
      value: (r.value as string | null) ?? null,
      label: r.label as string,
      parentKey: (r.parent_key as string | null) ?? null,
      invited: r.invited as number,
      released: r.released as boolean,
      hiddenReason: (r.hidden_reason as HiddenReason | null) ?? null,
      counts: r.released ? { promoters: r.promoters as number, passives: r.passives as number, detractors: r.detractors as number } : null,
      distribution: (r.distribution as number[] | null) ?? null,
      comments: r.comments as boolean,
      participation: r.participation as boolean,
      responded: (r.responded as number | null) ?? null,
    };
    release.groups.push(row);
    release.byKey.set(row.key, row);
  }
  return out;
}

/** A release group's comments in every given wave (only groups whose comments are released hold any). */
export async function readComments(db: EntityManager, organizationId: string, waveIds: readonly string[], key: string): Promise<string[]> {
  const rows: { text: string }[] = await db.query(
    `SELECT text FROM employee_release_comments WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) AND key = $3 ORDER BY wave_id, position`,
    [organizationId, waveIds, key],
  );
  return rows.map((r) => r.text);
}

/** A release group's theme mentions, summed over the given waves. */
export async function readThemeMentions(db: EntityManager, organizationId: string, waveIds: readonly string[], key: string): Promise<Map<string, number>> {
  const rows: { theme_id: string; mentions: number }[] = await db.query(
    `SELECT theme_id, sum(mentions)::int AS mentions FROM employee_release_themes
      WHERE organization_id = $1 AND wave_id = ANY($2::uuid[]) AND key = $3 GROUP BY theme_id`,
    [organizationId, waveIds, key],
  );
  return new Map(rows.map((r) => [r.theme_id, r.mentions]));
}
