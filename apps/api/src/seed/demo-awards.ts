import type { EntityManager } from 'typeorm';
import { categorize } from '@tandem/nps-core';
import { hashSurveyToken, newSurveyToken } from '../survey/invitations/tokens.js';

/**
 * Enough answers per team for a meaningful leaderboard: the demo's own survey cycle
 * (demo-surveys.ts) has a few dozen contacts, too few for the minimum of 10 responses per team.
 * This adds a customer review wave in each of the two quarters before the current one, to 70
 * further customers of every team and manager, in set-based statements (the triggers keep the
 * rollups exact). Operations stays below the minimum on purpose, so the leaderboard shows why an
 * entry is not eligible; Customer Service improves the most.
 */

interface TeamPlan {
  unit: string;
  owner: string;
  contacts: number;
  /** Per quarter (two back, then one back): promoters, passives, detractors; the rest did not answer. */
  answers: [[number, number, number], [number, number, number]];
}

const PLANS: TeamPlan[] = [
  { unit: 'Sales EU', owner: 'manager@demo.test', contacts: 14, answers: [[6, 4, 3], [9, 3, 1]] },
  { unit: 'Sales EU', owner: 'manager.dk@demo.test', contacts: 8, answers: [[3, 3, 1], [4, 3, 1]] },
  { unit: 'Sales EU', owner: 'manager.cis@demo.test', contacts: 6, answers: [[2, 2, 2], [3, 2, 0]] },
  { unit: 'Sales US', owner: 'manager.us@demo.test', contacts: 16, answers: [[8, 4, 3], [8, 5, 2]] },
  { unit: 'Customer Service', owner: 'cx@demo.test', contacts: 13, answers: [[4, 3, 5], [9, 3, 0]] },
  { unit: 'Recruitment', owner: 'recruiter@demo.test', contacts: 8, answers: [[3, 2, 2], [4, 2, 1]] },
  { unit: 'Operations', owner: 'ops@demo.test', contacts: 5, answers: [[1, 1, 1], [4, 0, 0]] },
];

const FIRST = ['Alex', 'Sam', 'Kim', 'Robin', 'Eva', 'Jan', 'Nora', 'Leo', 'Ida', 'Max', 'Lena', 'Oskar', 'Mila', 'Viktor', 'Zoe', 'Hugo'];
const LAST = ['Berg', 'Novak', 'Holm', 'Krause', 'Lind', 'Horvat', 'Meyer', 'Dahl', 'Sokol', 'Wolf'];
const PROMOTER = [9, 10, 10];
const PASSIVE = [7, 8];
const DETRACTOR = [6, 4, 5, 2];

/** The first day of the quarter `back` quarters before the one holding `now` (UTC). */
function quarterStart(now: Date, back: number): Date {
  const q = Math.floor(now.getUTCMonth() / 3) - back;
  return new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
}

const quarterName = (d: Date) => `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
const DAY = 24 * 3600_000;

export async function seedAwardsData(tx: EntityManager, organizationId: string, users: Map<string, string>, units: Map<string, string>, now: Date): Promise<void> {
  // Contacts: one statement.
  const contacts: { email: string; name: string; owner: string; unit: string; plan: number; index: number }[] = [];
  PLANS.forEach((plan, p) => {
    for (let i = 0; i < plan.contacts; i++) {
      const n = contacts.length;
      contacts.push({
        email: `review${n + 1}@customers.example`,
        name: `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`,
        owner: users.get(plan.owner)!,
        unit: units.get(plan.unit)!,
        plan: p,
        index: i,
      });
    }
  });
  const ids: { id: string; email: string }[] = await tx.query(
    `INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments, created_at)
     SELECT $1, c.email, c.name, 'en', c.owner, c.unit, '{"region": "EU"}'::jsonb, $6
       FROM unnest($2::text[], $3::text[], $4::uuid[], $5::uuid[]) AS c(email, name, owner, unit)
     RETURNING id, email`,
    [organizationId, contacts.map((c) => c.email), contacts.map((c) => c.name), contacts.map((c) => c.owner), contacts.map((c) => c.unit), new Date(now.getTime() - 400 * DAY)],
  );
  const idOf = new Map(ids.map((r) => [r.email, r.id]));

  for (const back of [2, 1] as const) {
    const start = quarterStart(now, back);
    const opened = new Date(start.getTime() + 5 * DAY);
    const [{ id: waveId }]: { id: string }[] = await tx.query(
      `INSERT INTO waves (organization_id, name, audience, status, anonymous, languages, opens_at, closes_at, opened_at, closed_at, created_by, created_at)
       VALUES ($1, $2, 'CUSTOMER', 'CLOSED', false, ARRAY['en','pl','da','ru','sl'], $3, $4, $3, $4, $5, $3) RETURNING id`,
      [organizationId, `Customer review ${quarterName(start)}`, opened, new Date(opened.getTime() + 60 * DAY), users.get('cx@demo.test')],
    );
    await tx.query(
      `INSERT INTO wave_questions (wave_id, position, kind, criterion, texts)
       SELECT $1, q.position, q.kind, NULL, q.texts::jsonb FROM (VALUES (1, 'NPS', '{"en": "How likely are you to recommend us to a friend or colleague?"}'),
                                                                 (2, 'REASON', '{"en": "What is the main reason for your score?"}')) AS q(position, kind, texts)`,
      [waveId],
    );
    // Who answered what: per team plan, the first p + q + d contacts.
    const answered: { email: string; score: number; day: number }[] = [];
    PLANS.forEach((plan, p) => {
      const [pr, pa, de] = plan.answers[2 - back];
      const team = contacts.filter((c) => c.plan === p);
      const list = [...Array(pr).keys()].map((i) => PROMOTER[i % 3]).concat([...Array(pa).keys()].map((i) => PASSIVE[i % 2]), [...Array(de).keys()].map((i) => DETRACTOR[i % 4]));
      list.forEach((score, i) => answered.push({ email: team[i].email, score, day: 7 + ((i * 5 + p * 3) % 50) }));
    });
    const scoreOf = new Map(answered.map((a) => [a.email, a]));
    const invitations: { id: string; contact_id: string }[] = await tx.query(
      `INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status, sent_at, created_at)
       SELECT $1, $2, c.id, t.hash, CASE WHEN t.answered THEN 'OPENED' ELSE 'SENT' END, $5, $5
         FROM unnest($3::uuid[], $4::text[], $6::boolean[]) AS t(contact, hash, answered) JOIN contacts c ON c.id = t.contact
       RETURNING id, contact_id`,
      [organizationId, waveId, contacts.map((c) => idOf.get(c.email)), contacts.map(() => hashSurveyToken(newSurveyToken())), opened, contacts.map((c) => scoreOf.has(c.email))],
    );
    const invitationOf = new Map(invitations.map((i) => [i.contact_id, i.id]));
    const rows = answered.map((a) => ({ ...a, contact: idOf.get(a.email)!, at: new Date(start.getTime() + a.day * DAY + 10 * 3600_000) }));
    await tx.query(
      `UPDATE invitations i SET status = 'RESPONDED', opened_at = t.at, responded_at = t.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, at) WHERE i.id = t.id`,
      [rows.map((r) => invitationOf.get(r.contact)), rows.map((r) => r.at)],
    );
    await tx.query(
      `INSERT INTO responses (organization_id, wave_id, audience, invitation_id, contact_id, score, category, language, org_unit_id, owner_id, segments, submitted_at)
       SELECT $1, $2, 'CUSTOMER', t.invitation, c.id, t.score, t.category, 'en', c.org_unit_id, c.owner_id, c.segments, t.at
         FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::timestamptz[]) AS t(invitation, contact, score, category, at)
         JOIN contacts c ON c.id = t.contact`,
      [organizationId, waveId, rows.map((r) => invitationOf.get(r.contact)), rows.map((r) => r.contact), rows.map((r) => r.score), rows.map((r) => categorize(r.score)), rows.map((r) => r.at)],
    );
    await tx.query(`UPDATE contacts SET last_invited_at = $2 WHERE id = ANY($1::uuid[])`, [ids.map((r) => r.id), opened]);
  }
}
