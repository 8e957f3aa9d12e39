import type { EntityManager } from 'typeorm';

/**
 * The theme catalogue of an employee wave, frozen when it opens: its release counts only these
 * themes, with these keywords. A theme made after the wave opened — crafted to match a few of its
 * comments — never counts anything in it. Only themes of the employee audience (or of every
 * audience: no audiences set). In the caller's transaction; idempotent.
 */
export async function freezeThemeCatalogue(tx: EntityManager, organizationId: string, waveId: string): Promise<void> {
  await tx.query(
    `INSERT INTO employee_wave_themes (organization_id, wave_id, theme_id, name, keywords)
     SELECT $1, $2, t.id, t.name, t.keywords FROM themes t
      WHERE t.organization_id = $1 AND (t.audiences = '{}' OR 'EMPLOYEE' = ANY (t.audiences))
     ON CONFLICT (wave_id, theme_id) DO NOTHING`,
    [organizationId, waveId],
  );
}
