import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { isUuid, rowsById } from '../../kernel/batch.js';
import { ThemeEntity, type ResponseThemeStatus } from './theme.entity.js';

/** Themes by id, of the caller's organization only. */
export const themeByIdLoader = (db: EntityManager, organizationId: string | null) =>
  rowsById(organizationId, (org, ids) => db.findBy(ThemeEntity, { organizationId: org, id: In(ids) }));

/**
 * The theme ids of each response with one status (ACCEPTED: Response.themes; SUGGESTED:
 * Response.suggestedThemes), by theme name: one query per batch, scoped to the organization. The
 * themes themselves come through themeById.
 */
export const themeIdsByResponseLoader = (db: EntityManager, organizationId: string | null, status: ResponseThemeStatus) =>
  new DataLoader<string, string[]>(async (responseIds) => {
    const valid = [...new Set(responseIds.filter(isUuid))];
    if (!organizationId || valid.length === 0) return responseIds.map(() => []);
    const rows: { response_id: string; theme_id: string }[] = await db.query(
      `SELECT rt.response_id, rt.theme_id
         FROM response_themes rt
         JOIN themes t ON t.id = rt.theme_id AND t.organization_id = rt.organization_id
        WHERE rt.organization_id = $1 AND rt.response_id = ANY($2::uuid[]) AND rt.status = $3
        ORDER BY lower(t.name), t.id`,
      [organizationId, valid, status],
    );
    const grouped = new Map<string, string[]>();
    for (const row of rows) grouped.set(row.response_id, [...(grouped.get(row.response_id) ?? []), row.theme_id]);
    return responseIds.map((id) => grouped.get(id) ?? []);
  });

export interface WaveAnalysis {
  /** Responses with a reason or a suggestion. */
  commented: number;
  /** Of them, those with at least one ACCEPTED theme. */
  tagged: number;
}

/**
 * Stage 3 of identified waves, per wave id: one grouped statement for a page of waves, over the
 * commented answers only (responses_wave_comments_idx has the same condition). Still one row per
 * commented answer (and a probe of its themes): no rollup counts tagged answers.
 */
export const waveAnalysisLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, WaveAnalysis>(async (waveIds) => {
    const valid = [...new Set(waveIds.filter(isUuid))];
    if (!organizationId || valid.length === 0) return waveIds.map(() => ({ commented: 0, tagged: 0 }));
    const rows: (WaveAnalysis & { wave_id: string })[] = await db.query(
      `SELECT r.wave_id, count(*)::int AS commented,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM response_themes rt
                                              WHERE rt.response_id = r.id AND rt.organization_id = r.organization_id AND rt.status = 'ACCEPTED'))::int AS tagged
         FROM responses r
        WHERE r.organization_id = $1 AND r.wave_id = ANY($2::uuid[])
          AND (nullif(btrim(r.reason), '') IS NOT NULL OR nullif(btrim(r.suggestion), '') IS NOT NULL)
        GROUP BY r.wave_id`,
      [organizationId, valid],
    );
    const byWave = new Map(rows.map((r) => [r.wave_id, { commented: r.commented, tagged: r.tagged }]));
    return waveIds.map((id) => byWave.get(id) ?? { commented: 0, tagged: 0 });
  });

/** Stage 3's progress: commented responses with an accepted theme ÷ commented responses; null without comments. */
export const analysisProgress = (a: WaveAnalysis): number | null => (a.commented === 0 ? null : a.tagged / a.commented);
