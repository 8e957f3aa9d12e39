import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Employee survey data written straight into the tables (roster, participations with their
 * snapshot, anonymous answers), for tests of the reporting that reads them — without the roster
 * import and the anonymous answering path. As in the product, participation and answer share
 * nothing. Results exist once the wave is released: closeEmployeeWave.
 */

export interface EmployeeAnswerRow {
  score: number;
  reason?: string | null;
  suggestion?: string | null;
  /** 1–5 criteria ratings, as the respondent page stores them. */
  ratings?: { criterion: string; value: number }[];
}

export interface TeamSpec {
  orgUnitId: string | null;
  /** Employees invited; the first `answers.length` of them responded. */
  invited: number;
  answers: EmployeeAnswerRow[];
  /** Location and tenure band per employee (cycled); answers copy those of the employee who answered. */
  locations?: (string | null)[];
  tenureBands?: (string | null)[];
}

export interface Team {
  employeeIds: string[];
  emails: string[];
}

async function organizationOf(db: EntityManager, waveId: string): Promise<string> {
  const [wave] = await db.query(`SELECT organization_id FROM waves WHERE id = $1 AND audience = 'EMPLOYEE'`, [waveId]);
  if (!wave) throw new Error(`no employee wave ${waveId}`);
  return wave.organization_id;
}

/** Employees on the roster of the wave's organization, invited to the wave; some of them answered. */
export async function insertTeam(db: EntityManager, waveId: string, team: TeamSpec): Promise<Team> {
  const organizationId = await organizationOf(db, waveId);
  const result: Team = { employeeIds: [], emails: [] };
  for (let i = 0; i < team.invited; i++) {
    const email = `employee-${randomUUID()}@staff.test`;
    const location = team.locations ? team.locations[i % team.locations.length] : null;
    const tenureBand = team.tenureBands ? team.tenureBands[i % team.tenureBands.length] : null;
    const [{ id }] = await db.query(
      `INSERT INTO employees (organization_id, email, name, language, org_unit_id, location, tenure_band)
       VALUES ($1, $2, $3, 'en', $4, $5, $6) RETURNING id`,
      [organizationId, email, `Employee ${i}`, team.orgUnitId, location, tenureBand],
    );
    result.employeeIds.push(id);
    result.emails.push(email);
    const responded = i < team.answers.length;
    await db.query(
      `INSERT INTO employee_participations (organization_id, wave_id, employee_id, token_hash, responded, invited_on, org_unit_id, location, tenure_band)
       VALUES ($1, $2, $3, $4, $5, CURRENT_DATE, $6, $7, $8)`,
      [organizationId, waveId, id, randomBytes(32).toString('hex'), responded, team.orgUnitId, location, tenureBand],
    );
    if (responded) {
      const answer = team.answers[i];
      await db.query(
        `INSERT INTO employee_answers (organization_id, wave_id, score, reason, suggestion, language, org_unit_id, location, tenure_band, ratings)
         VALUES ($1, $2, $3, $4, $5, 'en', $6, $7, $8, $9::jsonb)`,
        [organizationId, waveId, answer.score, answer.reason ?? null, answer.suggestion ?? null, team.orgUnitId, location, tenureBand, JSON.stringify(answer.ratings ?? [])],
      );
    }
  }
  return result;
}

/**
 * Closes an employee wave the way closeWave does for its release (status CLOSED, then the release
 * is made on the first read): `closedAt` dates it, which is what dates and periods select by.
 */
export async function closeEmployeeWave(db: EntityManager, waveId: string, closedAt: Date = new Date()): Promise<void> {
  await db.query(`UPDATE waves SET status = 'CLOSED', closed_at = $2, closes_at = coalesce(closes_at, $2) WHERE id = $1`, [waveId, closedAt]);
}
