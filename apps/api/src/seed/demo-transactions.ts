import type { EntityManager } from 'typeorm';
import { hashSurveyToken, newSurveyToken } from '../survey/invitations/tokens.js';
import { validateAnswer } from '../survey/respondent/answer.js';
import { recordResponses } from '../survey/respondent/record-responses.js';
import { defaultQuestions, textsIn, WAVE_LANGUAGES } from '../survey/waves/default-questions.js';
import { WaveQuestionEntity } from '../survey/waves/wave-question.entity.js';
import { WaveEntity } from '../survey/waves/wave.entity.js';
import { random } from './demo-history-employees.js';
import { HISTORY_CRITERIA, ratingFor } from './demo-history.js';
import { CANDIDATE_COMMENTS, PEOPLE, type Category, type Language } from './demo-history-texts.js';

/**
 * The demo's transactional programme (issue 19): "Placement follow-up", asking each candidate an
 * hour after their placement, with six months of history so breakdowns by product, channel and
 * serving employee have data: 4 products, 3 channels, 5 recruiters (three users, two known only by
 * the integrator's id), each with their own typical score. The last few transactions wait for
 * their send time or were skipped, as a live programme's do. It asks the candidate criteria of the
 * history's waves (communication, speed) after the score, so the explore page filtered to the
 * programme, a product or a serving employee has key drivers. Written set-based (a few statements)
 * and answered through recordResponses, so the rollups' triggers see every answer; deterministic.
 */

const DAY = 24 * 3600_000;
const TRANSACTIONS = 160;
const PRODUCTS = ['Temporary staffing', 'Permanent placement', 'Managed services', 'Executive search'];
const CHANNELS = ['Branch', 'Online', 'Phone'];
const LOCATIONS = ['Warsaw', 'Copenhagen', 'Ljubljana', 'Chicago'];
const LANGUAGES: Language[] = ['pl', 'en', 'da', 'sl'];
/** Who served, with their share of promoters and detractors: the breakdown by served-by tells them apart. */
const SERVERS: { user?: string; external?: [id: string, name: string]; mix: [number, number] }[] = [
  { user: 'recruiter@demo.test', mix: [0.62, 0.12] },
  { user: 'manager@demo.test', mix: [0.5, 0.2] },
  { user: 'ops@demo.test', mix: [0.35, 0.35] },
  { external: ['REC-104', 'Anna Kowalczyk'], mix: [0.55, 0.15] },
  { external: ['REC-221', 'Lars Holm'], mix: [0.42, 0.26] },
];

const ascii = (text: string) =>
  text.toLowerCase().replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '.');

export async function seedTransactions(tx: EntityManager, organizationId: string, users: Map<string, string>, units: Map<string, string>, now: Date): Promise<void> {
  const next = random(20261219);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const programme = await tx.save(
    WaveEntity,
    tx.create(WaveEntity, {
      organizationId,
      name: 'Placement follow-up',
      audience: 'CANDIDATE',
      kind: 'TRANSACTIONAL',
      touchpoint: 'placement',
      sendDelayMinutes: 60,
      status: 'OPEN',
      anonymous: false,
      languages: [...WAVE_LANGUAGES],
      openedAt: ago(185),
      createdBy: users.get('recruiter@demo.test')!,
      createdAt: ago(186),
    }),
  );
  const criteria = HISTORY_CRITERIA.CANDIDATE ?? [];
  const questions = await tx.save(
    WaveQuestionEntity,
    [
      ...defaultQuestions('CANDIDATE').map((q) => ({ kind: q.kind, criterion: null as string | null, texts: textsIn(q.texts, [...WAVE_LANGUAGES]) })),
      ...criteria.map((c) => ({ kind: 'RATING' as const, criterion: c.criterion as string | null, texts: c.texts as Record<string, string> })),
    ].map((q, i) => tx.create(WaveQuestionEntity, { waveId: programme.id, position: i + 1, ...q })),
  );
  // The ratings draw from their own sequence, so the programme's scores and comments stay as they were.
  const nextRating = random(20261221);
  const names: { id: string; email: string; name: string }[] = await tx.query(`SELECT id, email, name FROM users WHERE organization_id = $1`, [organizationId]);
  const userByEmail = new Map(names.map((u) => [u.email, u]));

  // One candidate per transaction, oldest first; the last ten are recent (today and yesterday).
  const plan = Array.from({ length: TRANSACTIONS }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length];
    const { first, last } = PEOPLE[language];
    const name = `${first[(i * 5) % first.length]} ${last[(i * 3 + Math.floor(i / 7)) % last.length]}`;
    const server = SERVERS[Math.floor(next() * SERVERS.length)];
    const user = server.user ? userByEmail.get(server.user)! : null;
    const recent = i >= TRANSACTIONS - 10;
    // The newest five are minutes old: their send time (an hour after) is still to come.
    const minutesAgo = i >= TRANSACTIONS - 5 ? (TRANSACTIONS - i) * 10 : (TRANSACTIONS - i) * 150;
    const occurredAt = recent ? new Date(now.getTime() - minutesAgo * 60_000) : ago(180 - Math.floor((i / (TRANSACTIONS - 10)) * 178) - next());
    return {
      externalId: `PL-${String(24_000 + i * 7)}`,
      email: `${ascii(name)}.${i}@mail.example`,
      name,
      language,
      product: PRODUCTS[Math.floor(next() ** 1.4 * PRODUCTS.length)],
      channel: CHANNELS[Math.floor(next() * CHANNELS.length)],
      location: LOCATIONS[i % LOCATIONS.length],
      servedBy: user ? `user:${user.id}` : `ext:${server.external![0]}`,
      servedByName: user ? user.name : server.external![1],
      mix: server.mix,
      occurredAt,
      // The newest five still wait for their send time; two of the others recent were skipped.
      status: i >= TRANSACTIONS - 5 ? 'SCHEDULED' : i === TRANSACTIONS - 7 ? 'SKIPPED' : 'SENT',
      skipReason: i === TRANSACTIONS - 7 ? 'THROTTLED' : null,
      answers: !recent && next() < 0.68,
    };
  });

  const contactRows: { id: string; email: string }[] = await tx.query(
    `INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments, created_at, updated_at)
     SELECT $1, t.email, t.name, t.language, $3, $4, jsonb_build_object('product', t.product), t.at, t.at
       FROM jsonb_to_recordset($2::jsonb) AS t(email text, name text, language text, product text, at timestamptz)
     RETURNING id, email`,
    [organizationId, JSON.stringify(plan.map((p) => ({ email: p.email, name: p.name, language: p.language, product: p.product, at: p.occurredAt }))), users.get('recruiter@demo.test')!, units.get('Recruitment')!],
  );
  const contactOf = new Map(contactRows.map((c) => [c.email, c.id]));
  const contacts = plan.map((p) => ({ id: contactOf.get(p.email)! }));
  const sendAt = plan.map((p) => new Date(p.occurredAt.getTime() + 3600_000));
  const transactionRows: { id: string; external_id: string }[] = await tx.query(
    `INSERT INTO transactions (organization_id, wave_id, external_id, contact_id, occurred_at, product, channel, location, served_by, served_by_name,
                               send_at, status, skip_reason, sent_at, created_at)
     SELECT $1, $2, t.external_id, t.contact_id, t.occurred_at, t.product, t.channel, t.location, t.served_by, t.served_by_name,
            t.send_at, t.status, t.skip_reason, CASE WHEN t.status = 'SENT' THEN t.send_at END, t.occurred_at
       FROM unnest($3::text[], $4::uuid[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[], $13::text[])
            AS t(external_id, contact_id, occurred_at, product, channel, location, served_by, served_by_name, send_at, status, skip_reason)
     RETURNING id, external_id`,
    [
      organizationId, programme.id, plan.map((p) => p.externalId), contacts.map((c) => c.id), plan.map((p) => p.occurredAt), plan.map((p) => p.product),
      plan.map((p) => p.channel), plan.map((p) => p.location), plan.map((p) => p.servedBy), plan.map((p) => p.servedByName), sendAt,
      plan.map((p) => p.status), plan.map((p) => p.skipReason),
    ],
  );
  const transactionOf = new Map(transactionRows.map((t) => [t.external_id, t.id]));
  const transactions = plan.map((p) => ({ id: transactionOf.get(p.externalId)! }));
  // The sent ones' invitations; a history link is random (nobody holds it).
  const sent = plan.map((p, i) => ({ p, i })).filter(({ p }) => p.status === 'SENT');
  const invitations: { id: string; transaction_id: string }[] = await tx.query(
    `INSERT INTO invitations (organization_id, wave_id, contact_id, transaction_id, token_hash, status, sent_at, created_at)
     SELECT $1, $2, t.contact_id, t.transaction_id, t.token_hash, 'SENT', t.sent_at, t.sent_at
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[]) AS t(contact_id, transaction_id, token_hash, sent_at)
     RETURNING id, transaction_id`,
    [organizationId, programme.id, sent.map(({ i }) => contacts[i].id), sent.map(({ i }) => transactions[i].id), sent.map(() => hashSurveyToken(newSurveyToken())), sent.map(({ i }) => sendAt[i])],
  );
  await tx.query(`UPDATE transactions t SET invitation_id = i.id FROM invitations i WHERE i.transaction_id = t.id AND t.wave_id = $1`, [programme.id]);
  await tx.query(`UPDATE contacts c SET last_invited_at = t.sent_at FROM transactions t WHERE t.contact_id = c.id AND t.wave_id = $1 AND t.sent_at IS NOT NULL`, [programme.id]);

  const invitationOf = new Map(invitations.map((r) => [r.transaction_id, r.id]));
  const turn = new Map<string, number>();
  const items = sent
    .filter(({ p }) => p.answers)
    .map(({ p, i }) => {
      const roll = next();
      const category: Category = roll < p.mix[0] ? 'promoter' : roll < p.mix[0] + p.mix[1] ? 'detractor' : 'passive';
      const score = category === 'promoter' ? (next() < 0.5 ? 10 : 9) : category === 'passive' ? (next() < 0.5 ? 7 : 8) : [6, 5, 4, 3, 6, 2][Math.floor(next() * 6)];
      const pool = CANDIDATE_COMMENTS[p.language][category];
      const k = `${p.language}|${category}`;
      const n = turn.get(k) ?? 0;
      turn.set(k, n + 1);
      const [reason, suggestion] = next() < 0.6 ? pool[n % pool.length] : [null, null];
      const ratings = criteria.flatMap((c) => {
        const value = ratingFor(score, c.weight, nextRating);
        return value === null ? [] : [{ criterion: c.criterion, value }];
      });
      const answer = validateAnswer(programme, questions, p.language, { score, reason, suggestion, language: p.language, ratings });
      const submittedAt = new Date(sendAt[i].getTime() + (1 + Math.floor(next() * 40)) * 3600_000);
      return { organizationId, wave: programme, invitationId: invitationOf.get(transactions[i].id)!, contactId: contacts[i].id, answer, submittedAt, slaHours: 48, themeIds: [] };
    });
  await recordResponses(tx, items, { publish: false });
  // The history's follow-ups were handled: resolved a day or two after the answer.
  await tx.query(
    `UPDATE follow_ups f SET status = 'RESOLVED', contacted_at = r.submitted_at + interval '20 hours', resolved_at = r.submitted_at + interval '40 hours'
       FROM responses r WHERE r.id = f.response_id AND f.wave_id = $1 AND r.submitted_at < $2`,
    [programme.id, ago(3)],
  );
}
