import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context.js';
import { DomainError, conflict, invalidState, notFound } from '../../graphql/errors.js';
import { suggestOnEmployeeAnswer } from '../themes/suggest.service.js';
import { updateReturning } from '../invitations/invitation.service.js';
import { validateAnswer, type ValidAnswer } from '../responses/answer.js';
import type { PublicSurvey, ResponseInput, SubmitResult } from '../responses/public-survey.types.js';
import { isClosed, questionsOf, surveyPage } from '../responses/survey-page.js';
import { WaveEntity } from '../waves/wave.entity.js';
import { ParticipationEntity } from './participation.entity.js';
import { anonymityThresholdOf, utcDate } from './participation.service.js';

/**
 * Answering an anonymous employee survey (docs/anonymity.md). The link's token finds the
 * participation; the answer is written to employee_answers with nothing that leads back to it:
 * no employee id, no participation id, no token, no time finer than the date. Nothing here logs,
 * and a failed write surfaces without its parameters, so no log line ever holds an answer.
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

async function languageOf(db: EntityManager, link: EmployeeLink): Promise<string | null> {
  const [row]: { language: string }[] = await db.query(`SELECT language FROM employees WHERE id = $1 AND organization_id = $2`, [
    link.participation.employeeId,
    link.participation.organizationId,
  ]);
  return row?.language ?? null;
}

/** The survey page of an employee's link, with what the page says about anonymity. Opening it records nothing. */
export async function employeeSurvey(ctx: Context, link: EmployeeLink, language: string | null | undefined): Promise<PublicSurvey> {
  return surveyPage(ctx.db, link.wave, {
    requestedLanguage: language,
    respondentLanguage: await languageOf(ctx.db, link),
    alreadyAnswered: link.participation.responded,
    unsubscribed: false,
    anonymityThreshold: await anonymityThresholdOf(ctx.db, link.wave.organizationId),
    now: ctx.app.now(),
  });
}

/**
 * Writes one anonymous answer in the caller's transaction. Spending the link is a conditional
 * UPDATE (of concurrent submits exactly one gets past it; the others are CONFLICT); the answer
 * copies the employee's org unit, location and tenure band as they are now, and nothing else of
 * the employee or the participation. A link replaced by a reminder in the meantime is NOT_FOUND.
 */
export async function recordEmployeeAnswer(tx: EntityManager, args: { tokenHash: string; answer: ValidAnswer; answeredOn: string }): Promise<void> {
  const { answer } = args;
  const [spent] = await updateReturning<{ organization_id: string; wave_id: string; employee_id: string }>(
    tx,
    `UPDATE employee_participations SET responded = true
      WHERE token_hash = $1 AND responded = false
      RETURNING organization_id, wave_id, employee_id`,
    [args.tokenHash],
  );
  if (!spent) {
    const [used] = await tx.query(`SELECT 1 FROM employee_participations WHERE token_hash = $1`, [args.tokenHash]);
    throw used ? conflict('token', 'This survey has already been answered') : notFound('Survey', 'token');
  }
  const inserted: { id: string }[] = await tx.query(
    `INSERT INTO employee_answers (organization_id, wave_id, answered_on, score, category, reason, suggestion, language, ratings,
                                   org_unit_id, location, tenure_band)
     SELECT $1, $2, $3::date, $4, $5, $6, $7, $8, $9::jsonb, e.org_unit_id, e.location, e.tenure_band
       FROM employees e
      WHERE e.id = $10 AND e.organization_id = $1
     RETURNING id`,
    [
      spent.organization_id,
      spent.wave_id,
      args.answeredOn,
      answer.score,
      answer.category,
      answer.reason,
      answer.suggestion,
      answer.language,
      JSON.stringify(answer.ratings),
      spent.employee_id,
    ],
  );
  if (inserted.length !== 1) throw new Error('The employee of a participation is missing');
  // Themes the comment mentions, for guarded per-theme results (no person ever tags an employee answer).
  await suggestOnEmployeeAnswer(tx, {
    organizationId: spent.organization_id,
    employeeAnswerId: inserted[0].id,
    language: answer.language,
    texts: [answer.reason, answer.suggestion],
  });
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
export async function submitEmployeeAnswer(ctx: Context, link: EmployeeLink, input: ResponseInput): Promise<SubmitResult> {
  const now = ctx.app.now();
  if (isClosed(link.wave, now)) throw invalidState('This survey is closed');
  if (link.participation.responded) throw conflict('token', 'This survey has already been answered');
  const answer = validateAnswer(link.wave, await questionsOf(ctx.db, link.wave.id), await languageOf(ctx.db, link), input);
  try {
    await ctx.db.transaction((tx) => recordEmployeeAnswer(tx, { tokenHash: link.tokenHash, answer, answeredOn: utcDate(now) }));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new EmployeeAnswerWriteError(sqlStateOf(error));
  }
  return { ok: true };
}
