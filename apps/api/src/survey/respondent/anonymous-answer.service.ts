import type { EntityManager } from 'typeorm';
import { rosterArrivalsBefore } from '../employees/roster-changes.js';
import type { Context } from '../../kernel/context.js';
import { DomainError, conflict, invalidState, notFound } from '../../kernel/errors.js';
import { validateAnswer, type ValidAnswer } from './answer.js';
import { participationSpentBy, submissionHash } from './submission.js';
import type { PublicSurvey, ResponseInput, SubmitResult } from './public-survey.types.js';
import { isClosed, questionsOf, surveyPage } from './survey-page.js';
import { WaveEntity } from '../waves/wave.entity.js';
import { ParticipationEntity } from '../invitations/participation.entity.js';
import { anonymityThresholdOf } from '../invitations/participation.service.js';
import { giveBackParticipation, spendParticipation } from '../invitations/participation.service.js';

/**
 * Answering an anonymous employee survey (docs/anonymity.md). The link's token finds the
 * participation; the answer is staged, then kept in employee_answers, with nothing that leads back
 * to it: no employee id, no participation id, no token, no time. Nothing here logs, and a failed
 * write surfaces without its parameters, so no log line ever holds an answer.
 */

/** An employee's link: the participation its token's hash finds, and the wave. */
export interface EmployeeLink {
  tokenHash: string;
  participation: ParticipationEntity;
  wave: WaveEntity;
}

/** The participation behind a token's hash, or null. Like an invitation, it names the organization. */
export async function findEmployeeLink(db: EntityManager, tokenHash: string): Promise<EmployeeLink | null> {
  const participation = await db.findOneBy(ParticipationEntity, { tokenHash });
  if (!participation) return null;
  const wave = await db.findOneBy(WaveEntity, { id: participation.waveId, organizationId: participation.organizationId });
  return wave ? { tokenHash, participation, wave } : null;
}

/** The employee's own language (for the respondent-language rule). */
export async function languageOf(db: EntityManager, link: EmployeeLink): Promise<string | null> {
  const [row]: { language: string }[] = await db.query(`SELECT language FROM employees WHERE id = $1 AND organization_id = $2`, [
    link.participation.employeeId,
    link.participation.organizationId,
  ]);
  return row?.language ?? null;
}

/** The survey page of an employee's link, with what the page says about anonymity. Opening it records nothing. */
export async function employeeSurvey(ctx: Context, link: EmployeeLink, language: string | null | undefined): Promise<PublicSurvey> {
  const page = await surveyPage(ctx.db, link.wave, {
    requestedLanguage: language,
    respondentLanguage: await languageOf(ctx.db, link),
    alreadyAnswered: link.participation.responded,
    unsubscribed: false,
    anonymityThreshold: await anonymityThresholdOf(ctx.db, link.wave.organizationId),
    now: ctx.app.now(),
  });
  // The roster's audit trail, as counts: who could have been added to a team just before it opened.
  const until = link.wave.openedAt ?? ctx.app.now();
  return { ...page, rosterArrivals: await rosterArrivalsBefore(ctx.db, link.wave.organizationId, until) };
}

/**
 * Writes one anonymous answer (docs/anonymity.md, "Storage"), in three transactions of its own so
 * that nothing — no key, no transaction id, no row order — links the participation to the answer:
 *
 *  1. the link is spent: a conditional UPDATE of the participation (of concurrent submits exactly
 *     one gets past it; the others are CONFLICT; a link replaced by a reminder is NOT_FOUND). It
 *     returns the person's unit, location and tenure band as the wave's snapshot has them;
 *  2. the answer is staged (employee_answer_staging: no id, no time) — only while the wave row says
 *     OPEN, read FOR SHARE so that closing the wave waits for it (release/service.ts). Once staged,
 *     the answer is acknowledged. If staging fails, the link is given back (step 1 undone), so the
 *     person can try again and nothing half-written stays;
 *  3. when at least k answers are staged, they move to employee_answers in one statement, in random
 *     order; fewer wait for the next answer, or for the release.
 */
export async function recordEmployeeAnswer(
  db: EntityManager,
  args: { tokenHash: string; answer: ValidAnswer; now: Date; threshold: number; submissionHash?: string | null },
): Promise<void> {
  const { answer } = args;
  const [spent] = await spendParticipation(db, args.tokenHash, args.submissionHash ?? null);
  if (!spent) {
    const [used] = await db.query(`SELECT 1 FROM employee_participations WHERE token_hash = $1`, [args.tokenHash]);
    throw used ? conflict('token', 'This survey has already been answered') : notFound('Survey', 'token');
  }
  let staged: unknown[];
  try {
    staged = await db.query(
      `INSERT INTO employee_answer_staging (organization_id, wave_id, org_unit_id, location, tenure_band, score, reason, suggestion, language, ratings)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb
         FROM (SELECT 1 FROM waves w
                WHERE w.id = $2 AND w.organization_id = $1 AND w.status = 'OPEN' AND (w.closes_at IS NULL OR w.closes_at > $11)
                  FOR SHARE) AS open_wave
       RETURNING 1`,
      [
        spent.organization_id,
        spent.wave_id,
        spent.org_unit_id,
        spent.location,
        spent.tenure_band,
        answer.score,
        answer.reason,
        answer.suggestion,
        answer.language,
        JSON.stringify(answer.ratings),
        args.now,
      ],
    );
  } catch (error) {
    await giveBack(db, args.tokenHash);
    throw error;
  }
  if (staged.length !== 1) {
    await giveBack(db, args.tokenHash);
    throw invalidState('This survey is closed');
  }
  await moveStagedAnswers(db, spent.organization_id, spent.wave_id, args.threshold);
}

/** Undoes step 1 when the answer could not be staged: the link works again. */
async function giveBack(db: EntityManager, tokenHash: string): Promise<void> {
  await giveBackParticipation(db, tokenHash);
}

/**
 * Moves a wave's staged answers to employee_answers once at least `atLeast` are waiting, all in one
 * statement, inserted in random order. Concurrent movers cannot move an answer twice: the DELETE
 * takes the rows.
 */
export async function moveStagedAnswers(db: EntityManager, organizationId: string, waveId: string, atLeast: number): Promise<void> {
  await db.query(
    `WITH moved AS (
       DELETE FROM employee_answer_staging
        WHERE organization_id = $1 AND wave_id = $2
          AND (SELECT count(*) FROM employee_answer_staging WHERE organization_id = $1 AND wave_id = $2) >= $3
       RETURNING organization_id, wave_id, org_unit_id, location, tenure_band, score, reason, suggestion, language, ratings
     )
     INSERT INTO employee_answers (organization_id, wave_id, org_unit_id, location, tenure_band, score, reason, suggestion, language, ratings)
     SELECT * FROM moved ORDER BY random()`,
    [organizationId, waveId, atLeast],
  );
}

/**
 * An unexpected failure while storing an employee answer, stripped of the statement and its
 * parameters (TypeORM's QueryFailedError carries both, and they hold the answer next to the
 * employee's id): only the SQLSTATE is kept for the log.
 */
class EmployeeAnswerWriteError extends Error {
  constructor(readonly sqlState: string | null) {
    super(`An employee answer could not be stored${sqlState ? ` (SQLSTATE ${sqlState})` : ''}`);
    this.name = 'EmployeeAnswerWriteError';
  }
}

const sqlStateOf = (error: unknown): string | null => {
  const e = error as { driverError?: { code?: unknown }; code?: unknown };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : null;
};

/**
 * An employee's answer: the same checks and typed errors as an identified answer (closed wave:
 * INVALID_STATE; used link: CONFLICT on token, and the first answer stays; bad input:
 * BAD_USER_INPUT naming the field), no follow-up (an anonymous answer has no owner), no log line.
 */
export async function submitEmployeeAnswer(ctx: Context, link: EmployeeLink, input: ResponseInput, submissionId?: string | null): Promise<SubmitResult> {
  const now = ctx.app.now();
  const hash = submissionHash(submissionId);
  // A retry of the answer that spent this link (its response was lost on the way) is answered ok.
  if (link.participation.responded && (await participationSpentBy(ctx.db, link.tokenHash, hash))) return { ok: true };
  if (isClosed(link.wave, now)) throw invalidState('This survey is closed');
  if (link.participation.responded) throw conflict('token', 'This survey has already been answered');
  const answer = validateAnswer(link.wave, await questionsOf(ctx.db, link.wave.id), await languageOf(ctx.db, link), input);
  try {
    await recordEmployeeAnswer(ctx.db, { tokenHash: link.tokenHash, answer, now, threshold: await anonymityThresholdOf(ctx.db, link.wave.organizationId), submissionHash: hash });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT' && (await participationSpentBy(ctx.db, link.tokenHash, hash))) return { ok: true };
    if (error instanceof DomainError) throw error;
    throw new EmployeeAnswerWriteError(sqlStateOf(error));
  }
  return { ok: true };
}

/** Once a wave's release is stored, its raw answers are gone: the release is all that remains. */
export async function discardEmployeeAnswers(tx: EntityManager, organizationId: string, waveId: string): Promise<void> {
  await tx.query(`DELETE FROM employee_answers WHERE organization_id = $1 AND wave_id = $2`, [organizationId, waveId]);
  await tx.query(`DELETE FROM employee_answer_staging WHERE organization_id = $1 AND wave_id = $2`, [organizationId, waveId]);
}
