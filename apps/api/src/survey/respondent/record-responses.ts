import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../kernel/pg-errors.js';
import { conflict } from '../../kernel/errors.js';
import { dispatchSoon, dispatchWritten } from '../../platform/events/outbox.js';
import type { MatchableTheme } from '../themes/matcher.js';
import { suggestedThemeIds } from '../themes/suggest.service.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import type { ValidAnswer } from './answer.js';

/** One identified answer to store: the spent link's invitation, its contact and the checked answer. */
export interface ResponseToRecord {
  organizationId: string;
  wave: Pick<WaveEntity, 'id' | 'audience'>;
  invitationId: string;
  contactId: string;
  answer: ValidAnswer;
  submittedAt: Date;
  slaHours: number;
  /** The themes the matcher suggests for its comments. */
  themeIds: readonly string[];
  /** SHA-256 of the page's submission id (submission.ts), kept on the spent invitation. */
  submissionHash?: string | null;
}

export interface RecordedResponse {
  responseId: string;
  followUpId: string | null;
}

export const ALREADY_ANSWERED = 'This survey has already been answered';

/**
 * Writes identified answers as ONE statement, in the caller's transaction or on its own (a single
 * statement is atomic without one): per answer it spends the invitation, stores the response with
 * a snapshot of the contact's org unit, owner and segments, its theme suggestions, and for a
 * detractor a follow-up for the contact's owner, due slaHours after the answer; and the domain
 * events (the outbox rows, platform/events; not with publish: false, the demo seed's history):
 * response.created for every answer (identified audiences only: employees answer elsewhere) and
 * followup.created for a detractor's follow-up. An answer to a transactional programme copies its
 * transaction's attributes (product, channel, location, served by) and the programme's touchpoint. The triggers that keep the rollups and counters run once for all of them,
 * at the end of the statement.
 *
 * The answer is null for a link that was spent already: its invitation UPDATE matched nothing, so
 * nothing of it was written. Of two concurrent statements spending one link, the second waits on the
 * first's row lock and then finds it spent. The invitations must be distinct within one call.
 */
export async function recordResponses(
  db: EntityManager,
  items: readonly ResponseToRecord[],
  options: { publish?: boolean } = {},
): Promise<(RecordedResponse | null)[]> {
  if (items.length === 0) return [];
  if (new Set(items.map((i) => i.invitationId)).size !== items.length) throw new Error('recordResponses takes each invitation once');
  const column = <T>(pick: (item: ResponseToRecord) => T) => items.map(pick);
  const themed = items.flatMap((item) => item.themeIds.map((themeId) => [item.invitationId, themeId] as const));
  const rows: { invitation_id: string; response_id: string; follow_up_id: string | null; events: { id: string; organizationId: string }[] }[] = await refusingASecondAnswer(() =>
    db.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::smallint[], $7::text[], $8::text[], $9::text[],
                              $10::text[], $11::jsonb[], $12::timestamptz[], $13::timestamptz[], $17::text[])
                AS t(invitation_id, organization_id, wave_id, audience, contact_id, score, category, reason, suggestion, language, ratings, submitted_at, due_at,
                     submission_hash)
       ), spent AS (
         UPDATE invitations i SET status = 'RESPONDED', responded_at = input.submitted_at, submission_hash = input.submission_hash
           FROM input
          WHERE i.id = input.invitation_id AND i.organization_id = input.organization_id AND i.status <> 'RESPONDED'
          RETURNING i.id
       ), response AS (
         INSERT INTO responses (organization_id, wave_id, audience, invitation_id, contact_id, score, category, reason, suggestion,
                                language, ratings, org_unit_id, owner_id, segments, submitted_at,
                                transaction_id, touchpoint, product, channel, location, served_by, served_by_name)
         SELECT input.organization_id, input.wave_id, input.audience, input.invitation_id, c.id, input.score, input.category, input.reason,
                input.suggestion, input.language, input.ratings, c.org_unit_id, c.owner_id, c.segments, input.submitted_at,
                tr.id, CASE WHEN tr.id IS NOT NULL THEN w.touchpoint END, tr.product, tr.channel, tr.location, tr.served_by, tr.served_by_name
           FROM input
           JOIN spent ON spent.id = input.invitation_id
           JOIN contacts c ON c.id = input.contact_id AND c.organization_id = input.organization_id
           -- A transactional programme's answer carries its transaction's attributes (survey/transactions).
           LEFT JOIN transactions tr ON tr.invitation_id = input.invitation_id
           LEFT JOIN waves w ON w.id = tr.wave_id
         RETURNING id, invitation_id, organization_id, wave_id, owner_id, category, submitted_at
       ), suggested AS (
         INSERT INTO response_themes (response_id, theme_id, organization_id, status)
         SELECT response.id, t.theme_id, response.organization_id, 'SUGGESTED'
           FROM unnest($14::uuid[], $15::uuid[]) AS t(invitation_id, theme_id)
           JOIN response ON response.invitation_id = t.invitation_id
         ON CONFLICT DO NOTHING
       ), follow_up AS (
         INSERT INTO follow_ups (organization_id, response_id, wave_id, owner_id, status, due_at, created_at)
         SELECT response.organization_id, response.id, response.wave_id, response.owner_id, 'OPEN', input.due_at, response.submitted_at
           FROM response JOIN input ON input.invitation_id = response.invitation_id
          WHERE response.category = 'DETRACTOR'
         RETURNING id, response_id, organization_id, wave_id, owner_id, due_at
       ), event AS (
         INSERT INTO domain_events (organization_id, type, payload)
         SELECT organization_id, type, payload FROM (
           SELECT response.organization_id, 'response.created' AS type,
                  jsonb_build_object('responseId', response.id, 'waveId', response.wave_id, 'audience', input.audience, 'score', input.score) AS payload
             FROM response JOIN input ON input.invitation_id = response.invitation_id
            WHERE input.audience <> 'EMPLOYEE'
           UNION ALL
           SELECT organization_id, 'followup.created',
                  jsonb_build_object('followUpId', id, 'responseId', response_id, 'waveId', wave_id, 'ownerId', owner_id,
                                     'dueAt', to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             FROM follow_up
         ) e WHERE $16::boolean
         RETURNING id, organization_id
       )
       SELECT response.invitation_id, response.id AS response_id, follow_up.id AS follow_up_id,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'organizationId', organization_id)), '[]') FROM event) AS events
         FROM response LEFT JOIN follow_up ON follow_up.response_id = response.id`,
      [
        column((i) => i.invitationId),
        column((i) => i.organizationId),
        column((i) => i.wave.id),
        column((i) => i.wave.audience),
        column((i) => i.contactId),
        column((i) => i.answer.score),
        column((i) => i.answer.category),
        column((i) => i.answer.reason),
        column((i) => i.answer.suggestion),
        column((i) => i.answer.language),
        column((i) => JSON.stringify(i.answer.ratings)),
        column((i) => i.submittedAt),
        column((i) => new Date(i.submittedAt.getTime() + i.slaHours * 3600_000)),
        themed.map(([invitationId]) => invitationId),
        themed.map(([, themeId]) => themeId),
        options.publish !== false,
        column((i) => i.submissionHash ?? null),
      ],
    ),
  );
  const events = rows[0]?.events ?? [];
  if (events.length > 0) {
    if (db.queryRunner?.isTransactionActive) await dispatchWritten(db, events);
    // Outside a transaction the events are committed already: their dispatch goes out shortly
    // after, shared with the other answers of that moment, so an answer costs no extra round trip.
    else dispatchSoon(db, events);
  }
  const byInvitation = new Map(rows.map((r) => [r.invitation_id, { responseId: r.response_id, followUpId: r.follow_up_id }]));
  return items.map((item) => byInvitation.get(item.invitationId) ?? null);
}

/**
 * One identified answer, with its theme suggestions from the catalogue given (else read): the
 * seeds' and tests' way in; the respondent's answer goes through the coalescing AnswerWriter.
 * A spent link is CONFLICT (token), and nothing is written.
 */
export async function recordResponse(
  db: EntityManager,
  args: Omit<ResponseToRecord, 'themeIds'> & { themes?: readonly MatchableTheme[]; publish?: boolean },
): Promise<RecordedResponse> {
  const { themes, publish, ...item } = args;
  const themeIds = await suggestedThemeIds(db, args.organizationId, args.answer.language, [args.answer.reason, args.answer.suggestion], themes);
  const [recorded] = await recordResponses(db, [{ ...item, themeIds }], { publish });
  if (!recorded) throw conflict('token', ALREADY_ANSWERED);
  return recorded;
}

/** A second answer on the same invitation that got past the spent check anyway is CONFLICT too. */
async function refusingASecondAnswer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, 'responses_invitation_id_key')) throw conflict('token', ALREADY_ANSWERED);
    throw error;
  }
}
