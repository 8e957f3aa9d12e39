import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { categorize } from '@tandem/nps-core';

/**
 * Employee survey data written straight into the tables (roster, participations, anonymous
 * answers), for tests of the reporting that reads them — without the roster import and the
 * anonymous answering path. As in the product, participation and answer share nothing.
 */

export interface EmployeeAnswerRow {
  score: number;
  reason?: string | null;
  suggestion?: string | null;
  /** YYYY-MM-DD; today by default. */
  answeredOn?: string;
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
  answerIds: string[];
}

async function organizationOf(db: EntityManager, waveId: string): Promise<string> {
  const [wave] = await db.query(`SELECT organization_id FROM waves WHERE id = $1 AND audience = 'EMPLOYEE'`, [waveId]);
  if (!wave) throw new Error(`no employee wave ${waveId}`);
  return wave.organization_id;
}

/** Employees on the roster of the wave's organization, invited to the wave; some of them answered. */
export async function insertTeam(db: EntityManager, waveId: string, team: TeamSpec): Promise<Team> {
  const organizationId = await organizationOf(db, waveId);
  const result: Team = { employeeIds: [], emails: [], answerIds: [] };
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
      `INSERT INTO employee_participations (organization_id, wave_id, employee_id, token_hash, responded, invited_on)
       VALUES ($1, $2, $3, $4, $5, CURRENT_DATE)`,
      [organizationId, waveId, id, randomBytes(32).toString('hex'), responded],
    );
    if (responded) {
      const answer = team.answers[i];
      const [{ id: answerId }] = await db.query(
        `INSERT INTO employee_answers (organization_id, wave_id, answered_on, score, category, reason, suggestion, language, org_unit_id, location, tenure_band)
         VALUES ($1, $2, coalesce($3::date, CURRENT_DATE), $4, $5, $6, $7, 'en', $8, $9, $10) RETURNING id`,
        [organizationId, waveId, answer.answeredOn ?? null, answer.score, categorize(answer.score), answer.reason ?? null, answer.suggestion ?? null, team.orgUnitId, location, tenureBand],
      );
      result.answerIds.push(answerId);
    }
  }
  return result;
}
