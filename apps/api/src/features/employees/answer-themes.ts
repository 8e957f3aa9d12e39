import type { EntityManager } from 'typeorm';
import { matchCompiled, type CompiledThemes } from '../themes/matcher.js';

/**
 * The themes of an employee wave's answers, matched again after the catalogue's keywords changed
 * (themes/suggest.service.ts, suggestThemes). It lives on the answering path because it reads the
 * answers' texts; it writes employee_answer_themes and returns nothing, so no number about the
 * wave's answers leaves here. Set-based: one read, one DELETE, one INSERT.
 */
export async function rematchEmployeeWave(
  tx: EntityManager,
  organizationId: string,
  waveId: string,
  compile: (language: string) => CompiledThemes | null,
): Promise<void> {
  const rows: { id: string; language: string; reason: string | null; suggestion: string | null }[] = await tx.query(
    `SELECT id, language, reason, suggestion FROM employee_answers
      WHERE organization_id = $1 AND wave_id = $2 AND (nullif(btrim(reason), '') IS NOT NULL OR nullif(btrim(suggestion), '') IS NOT NULL)`,
    [organizationId, waveId],
  );
  const answerIds: string[] = [];
  const themeIds: string[] = [];
  for (const row of rows) {
    for (const themeId of matchCompiled(compile(row.language), [row.reason, row.suggestion])) {
      answerIds.push(row.id);
      themeIds.push(themeId);
    }
  }
  await tx.query(
    `DELETE FROM employee_answer_themes eat USING employee_answers a
      WHERE eat.answer_id = a.id AND a.organization_id = $1 AND a.wave_id = $2 AND eat.organization_id = $1`,
    [organizationId, waveId],
  );
  await tx.query(
    `INSERT INTO employee_answer_themes (answer_id, theme_id, organization_id)
     SELECT m.answer_id, m.theme_id, $1 FROM unnest($2::uuid[], $3::uuid[]) AS m(answer_id, theme_id)
     ON CONFLICT DO NOTHING`,
    [organizationId, answerIds, themeIds],
  );
}
