import type { EntityManager } from 'typeorm';
import { createInvitations, markSent } from '../survey/invitations/invitation.service.js';
import { validateAnswer } from '../survey/respondent/answer.js';
import { recordResponse } from '../survey/respondent/record-responses.js';
import { defaultQuestions, textsIn, WAVE_LANGUAGES } from '../survey/waves/default-questions.js';
import { WaveQuestionEntity } from '../survey/waves/wave-question.entity.js';
import { WaveEntity } from '../survey/waves/wave.entity.js';
import { random, seedEmployeeHistory, shuffled } from './demo-history-employees.js';
import {
  ASSOCIATE_COMMENTS,
  CANDIDATE_COMMENTS,
  CUSTOMER_AFTER_CONFIRMATIONS,
  CUSTOMER_COMMENTS,
  PEOPLE,
  type Category,
  type Language,
} from './demo-history-texts.js';

/**
 * A year of closed waves behind the demo's current cycle, so the board's 12-month trend has a point
 * for every audience in every month and the improvements have a before and an after:
 *  - customers: a monthly pulse to a third of a panel of 120 Sales customers (each asked once a
 *    quarter), ~30 answers each; the NPS dips in the months 5–8 back, stays low in the 90 days
 *    before the shift confirmations went live (demo-improvements.ts, 60 days ago: no-shows) and
 *    recovers clearly after them;
 *  - candidates: every other month, 18 new candidates each; associates: every other month, a
 *    third of a panel of 54 (each asked twice a year), both ~13 answers with a gentle rise; each
 *    wave stays open the whole two months, so every whole month of any 12 has at least 3 answers
 *    of both, whatever the day of the seed;
 *  - employees: two earlier quarterly pulses (demo-history-employees.ts).
 * Contacts, owners, units and segments look like the demo's own (demo-surveys.ts); Operations gets
 * at most one associate answer per wave, so the leaderboard still shows it below the minimum
 * (demo-awards.ts). Every wave, invitation and answer goes through the API's functions
 * (createInvitations, markSent, validateAnswer, recordResponse: the triggers keep the rollups and
 * counters exact); the detractors' follow-ups are then resolved in one statement. Deterministic: a
 * seeded generator and days relative to `now`.
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

type Audience = 'CUSTOMER' | 'CANDIDATE' | 'ASSOCIATE';

interface HistoryContact {
  email: string;
  name: string;
  language: Language;
  owner: string;
  unit: string;
  segments: Record<string, string>;
  audience: Audience;
  /** Which wave of its audience asks it: customers and associates rotate, candidates are asked once. */
  group: number;
}

interface HistoryWave {
  audience: Audience;
  index: number;
  /** Days before `now` the wave opened and closed. */
  openedDaysAgo: number;
  closedDaysAgo: number;
  /** Shares of promoters and detractors among the answers. */
  mix: [promoters: number, detractors: number];
  contacts: HistoryContact[];
}

const MARTA = 'manager@demo.test';
const SOREN = 'manager.dk@demo.test';
const IRINA = 'manager.cis@demo.test';
const JESSICA = 'manager.us@demo.test';
const JULIA = 'recruiter@demo.test';
const TOMAZ = 'ops@demo.test';
const CX = 'cx@demo.test';

const AREAS = ['Manufacturing', 'Logistics', 'Healthcare', 'Retail', 'IT services'];
const PRODUCTS = ['Temporary staffing', 'Temporary staffing', 'Managed services', 'Permanent placement'];
const REGION: Record<Language, string> = { en: 'US', pl: 'EU', da: 'EU', sl: 'EU', ru: 'CIS' };
const OWNER_OF: Record<Language, [string, string]> = { pl: [MARTA, 'Sales EU'], sl: [MARTA, 'Sales EU'], da: [SOREN, 'Sales EU'], ru: [IRINA, 'Sales EU'], en: [JESSICA, 'Sales US'] };

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', ь: '', ъ: '', э: 'e', ю: 'yu', я: 'ya',
};
/** An ascii email part: transliterated, without diacritics, spaces as hyphens. */
const ascii = (text: string) =>
  [...text.toLowerCase().replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae')]
    .map((ch) => CYRILLIC[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The history's contacts: customers, candidates and associates with names, owners and segments. */
function historyContacts(): HistoryContact[] {
  const taken = new Set<string>();
  const turn = new Map<Language, number>();
  const make = (audience: Audience, language: Language, owner: string, unit: string, group: number, product?: string): HistoryContact => {
    const i = turn.get(language) ?? 0;
    turn.set(language, i + 1);
    const { first, last, companies } = PEOPLE[language];
    const name = `${first[i % first.length]} ${last[(i * 7 + Math.floor(i / first.length)) % last.length]}`;
    const domain = audience === 'CUSTOMER' ? `${ascii(companies[i % companies.length])}.example` : 'mail.example';
    let email = `${ascii(name).replace('-', '.')}@${domain}`;
    for (let n = 2; taken.has(email); n++) email = `${ascii(name).replace('-', '.')}${n}@${domain}`;
    taken.add(email);
    return {
      email,
      name,
      language,
      owner,
      unit,
      audience,
      group,
      segments: { region: REGION[language], business_area: AREAS[(i * 3 + group) % AREAS.length], product: product ?? PRODUCTS[(i + group) % PRODUCTS.length] },
    };
  };
  const out: HistoryContact[] = [];
  // 120 customers of the Sales managers, in three groups asked in turn (each once a quarter).
  const customerLanguages: Language[] = ['pl', 'en', 'da', 'pl', 'ru', 'en', 'sl', 'pl', 'en', 'da'];
  for (let i = 0; i < 120; i++) {
    const language = customerLanguages[i % customerLanguages.length];
    out.push(make('CUSTOMER', language, ...OWNER_OF[language], i % 3));
  }
  // 18 new candidates per wave, of the recruiter.
  const peopleLanguages: Language[] = ['pl', 'en', 'da', 'sl', 'ru', 'pl', 'en', 'da', 'sl'];
  for (let i = 0; i < 6 * 18; i++) {
    out.push(make('CANDIDATE', peopleLanguages[i % peopleLanguages.length], JULIA, 'Recruitment', Math.floor(i / 18), 'Permanent placement'));
  }
  // 54 associates in three groups: two per group with Operations, the others with the branch that placed them.
  for (let i = 0; i < 54; i++) {
    const language = peopleLanguages[i % peopleLanguages.length];
    const [owner, unit] = i % 18 < 2 ? [TOMAZ, 'Operations'] : OWNER_OF[language];
    out.push(make('ASSOCIATE', language, owner, unit, i % 3, 'Temporary staffing'));
  }
  return out;
}

/** The waves, oldest first. Customer mixes (promoters, detractors) by months back; see the file comment. */
function historyWaves(contacts: HistoryContact[]): HistoryWave[] {
  const of = (audience: Audience, group: number) => contacts.filter((c) => c.audience === audience && c.group === group);
  const customerMix = (k: number) =>
    (
    [[0.7, 0.08], [0.62, 0.1], [0.3, 0.38], [0.28, 0.4], [0.32, 0.36], [0.38, 0.3], [0.42, 0.26], [0.42, 0.26]][k] ?? [0.5, 0.18]) as [number, number];
  const candidateMix = (k: number): [number, number] => (k <= 1 ? [0.55, 0.18] : k === 2 ? [0.48, 0.22] : k === 3 ? [0.4, 0.28] : [0.45, 0.25]);
  const associateMix = (k: number): [number, number] => (k <= 1 ? [0.48, 0.22] : k === 2 ? [0.42, 0.26] : k === 3 ? [0.36, 0.3] : [0.4, 0.28]);
  const waves: HistoryWave[] = [];
  for (let k = 0; k < 12; k++) {
    waves.push({ audience: 'CUSTOMER', index: k, openedDaysAgo: 30 * k + 32, closedDaysAgo: 30 * k + 3, mix: customerMix(k), contacts: of('CUSTOMER', k % 3) });
  }
  for (let k = 0; k < 6; k++) {
    waves.push({ audience: 'CANDIDATE', index: k, openedDaysAgo: 60 * k + 62, closedDaysAgo: 60 * k + 3, mix: candidateMix(k), contacts: of('CANDIDATE', k) });
    waves.push({ audience: 'ASSOCIATE', index: k, openedDaysAgo: 60 * k + 62, closedDaysAgo: 60 * k + 2, mix: associateMix(k), contacts: of('ASSOCIATE', k % 3) });
  }
  return waves.sort((a, b) => b.openedDaysAgo - a.openedDaysAgo);
}

const WAVE_NAME: Record<Audience, string> = { CUSTOMER: 'Customer pulse', CANDIDATE: 'Candidate experience', ASSOCIATE: 'Associate check-in' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayName = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const DETRACTOR_SCORES = [6, 5, 6, 4, 5, 3, 6, 2, 5, 4, 1, 6];

/**
 * The 1–5 criteria the history's customer and candidate waves ask after the score, so the explore
 * page's criteria and key drivers have a year of ratings: each rating leans on the score by its
 * weight (service and communication strongly, price hardly), plus noise.
 */
interface HistoryCriterion {
  criterion: string;
  weight: number;
  texts: Record<Language, string>;
}
export const HISTORY_CRITERIA: Partial<Record<Audience, HistoryCriterion[]>> = {
  CUSTOMER: [
    {
      criterion: 'service',
      weight: 0.9,
      texts: {
        en: 'How satisfied are you with the quality of the staff we placed?',
        pl: 'Jak oceniasz jakość pracowników, których skierowaliśmy?',
        da: 'Hvor tilfreds er du med kvaliteten af de medarbejdere, vi har placeret?',
        ru: 'Насколько вы довольны качеством направленных нами сотрудников?',
        sl: 'Kako zadovoljni ste s kakovostjo delavcev, ki smo jih napotili?',
      },
    },
    {
      criterion: 'communication',
      weight: 0.6,
      texts: {
        en: 'How clear and timely is our communication?',
        pl: 'Jak oceniasz jasność i terminowość naszej komunikacji?',
        da: 'Hvor klar og rettidig er vores kommunikation?',
        ru: 'Насколько понятна и своевременна наша коммуникация?',
        sl: 'Kako jasna in pravočasna je naša komunikacija?',
      },
    },
    {
      criterion: 'price',
      weight: 0.15,
      texts: {
        en: 'How satisfied are you with our prices?',
        pl: 'Jak oceniasz nasze ceny?',
        da: 'Hvor tilfreds er du med vores priser?',
        ru: 'Насколько вы довольны нашими ценами?',
        sl: 'Kako zadovoljni ste z našimi cenami?',
      },
    },
  ],
  CANDIDATE: [
    {
      criterion: 'communication',
      weight: 0.8,
      texts: {
        en: 'How clear was our communication during the process?',
        pl: 'Jak oceniasz jasność naszej komunikacji w trakcie procesu?',
        da: 'Hvor klar var vores kommunikation undervejs i forløbet?',
        ru: 'Насколько понятным было наше общение в ходе процесса?',
        sl: 'Kako jasna je bila naša komunikacija med postopkom?',
      },
    },
    {
      criterion: 'speed',
      weight: 0.4,
      texts: {
        en: 'How satisfied are you with the speed of the process?',
        pl: 'Jak oceniasz tempo procesu rekrutacji?',
        da: 'Hvor tilfreds er du med forløbets hastighed?',
        ru: 'Насколько вы довольны скоростью процесса?',
        sl: 'Kako zadovoljni ste s hitrostjo postopka?',
      },
    },
  ],
};

/** A rating that follows the score by `weight` (0 none, 1 fully), with noise; about one in ten skipped. */
export function ratingFor(score: number, weight: number, next: () => number): number | null {
  if (next() < 0.1) return null;
  const leaning = 1 + (score / 10) * 4;
  const raw = weight * leaning + (1 - weight) * (1 + next() * 4) + (next() - 0.5) * 1.2;
  return Math.min(5, Math.max(1, Math.round(raw)));
}

interface PlannedAnswer {
  contact: HistoryContact;
  score: number;
  category: Category;
  daysAgo: number;
  hoursEarlier: number;
}

/**
 * Who of the wave answers what and when: the shares of the wave's mix, spread evenly over the
 * answers in date order (so every month a wave spans shows about the wave's mix, not a lucky draw).
 */
function planAnswers(w: HistoryWave, next: () => number): PlannedAnswer[] {
  const rate = 0.7 + 0.14 * next();
  let operations = 0;
  const respondents = shuffled(w.contacts, next)
    .filter((c) => c.unit !== 'Operations' || operations++ < 1)
    .slice(0, Math.round(w.contacts.length * rate));
  const n = respondents.length;
  const promoters = Math.round(n * w.mix[0]);
  const detractors = Math.round(n * w.mix[1]);
  const quota: Record<Category, number> = { promoter: promoters, detractor: detractors, passive: n - promoters - detractors };
  const span = w.openedDaysAgo - w.closedDaysAgo - 2;
  // Most answer in the first days, the rest after the reminder.
  const timed = respondents
    .map((contact) => ({ contact, daysAgo: w.openedDaysAgo - 1 - Math.floor(next() ** 1.3 * span), hoursEarlier: Math.floor(next() * 10) }))
    .sort((a, b) => b.daysAgo - a.daysAgo || b.hoursEarlier - a.hoursEarlier);
  const given: Record<Category, number> = { promoter: 0, passive: 0, detractor: 0 };
  const phase = 0.1 + 0.8 * next();
  return timed.map((t, j) => {
    // The category furthest behind its share so far.
    const category = (['promoter', 'detractor', 'passive'] as const).reduce((best, c) =>
      ((j + phase) * quota[c]) / n - given[c] > ((j + phase) * quota[best]) / n - given[best] ? c : best,
    );
    given[category]++;
    const score = category === 'promoter' ? (next() < 0.55 ? 10 : 9) : category === 'passive' ? (next() < 0.5 ? 7 : 8) : DETRACTOR_SCORES[Math.floor(next() * DETRACTOR_SCORES.length)];
    return { ...t, score, category };
  });
}

export async function seedHistory(tx: EntityManager, organizationId: string, users: Map<string, string>, units: Map<string, string>, now: Date): Promise<void> {
  const next = random(20251201);
  // Ratings draw from a generator of their own, so the rest of the history stays as it was.
  const nextRating = random(20251219);
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR);
  const contacts = historyContacts();

  // Contacts: one statement.
  const ids: { id: string; email: string }[] = await tx.query(
    `INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments, created_at, updated_at)
     SELECT $1, t.email, t.name, t.language, t.owner_id, t.org_unit_id, t.segments, $3, $3
       FROM jsonb_to_recordset($2::jsonb) AS t(email text, name text, language text, owner_id uuid, org_unit_id uuid, segments jsonb)
     RETURNING id, email`,
    [
      organizationId,
      JSON.stringify(contacts.map((c) => ({ email: c.email, name: c.name, language: c.language, owner_id: users.get(c.owner)!, org_unit_id: units.get(c.unit)!, segments: c.segments }))),
      ago(400),
    ],
  );
  const idOf = new Map(ids.map((r) => [r.email, r.id]));

  const commentTurn = new Map<string, number>();
  const commentFor = (p: PlannedAnswer): [string | null, string | null] => {
    // About 40 % of the answers are a score without words.
    if (next() < 0.4) return [null, null];
    const { language } = p.contact;
    const afterConfirmations = p.contact.audience === 'CUSTOMER' && p.category === 'promoter' && p.daysAgo < 60;
    const pool = afterConfirmations
      ? CUSTOMER_AFTER_CONFIRMATIONS[language]
      : { CUSTOMER: CUSTOMER_COMMENTS, CANDIDATE: CANDIDATE_COMMENTS, ASSOCIATE: ASSOCIATE_COMMENTS }[p.contact.audience][language][p.category];
    const key = `${p.contact.audience}|${language}|${p.category}|${afterConfirmations}`;
    const turn = commentTurn.get(key) ?? 0;
    commentTurn.set(key, turn + 1);
    const [reason, suggestion] = pool[turn % pool.length];
    return [reason, next() < 0.7 ? suggestion : null];
  };

  const followUps: { id: string; answeredAt: Date }[] = [];
  for (const w of historyWaves(contacts)) {
    const languages = [...WAVE_LANGUAGES];
    const wave = await tx.save(
      WaveEntity,
      tx.create(WaveEntity, {
        organizationId,
        name: `${WAVE_NAME[w.audience]} · ${dayName(ago(w.openedDaysAgo))}`,
        audience: w.audience,
        status: 'CLOSED',
        anonymous: false,
        languages,
        opensAt: ago(w.openedDaysAgo),
        closesAt: ago(w.closedDaysAgo),
        openedAt: ago(w.openedDaysAgo),
        closedAt: ago(w.closedDaysAgo),
        createdBy: users.get(w.audience === 'CANDIDATE' ? JULIA : CX)!,
        createdAt: ago(w.openedDaysAgo + 2),
      }),
    );
    const criteria = HISTORY_CRITERIA[w.audience] ?? [];
    const questions = await tx.save(WaveQuestionEntity, [
      ...defaultQuestions(w.audience).map((q) => ({ kind: q.kind, criterion: null as string | null, texts: textsIn(q.texts, languages) })),
      ...criteria.map((c) => ({ kind: 'RATING' as const, criterion: c.criterion as string | null, texts: c.texts as Record<string, string> })),
    ].map((q, i) => tx.create(WaveQuestionEntity, { waveId: wave.id, position: i + 1, ...q })));
    const invitedAt = ago(w.openedDaysAgo, -2);
    const invited = await createInvitations(tx, {
      organizationId,
      waveId: wave.id,
      contactIds: w.contacts.map((c) => idOf.get(c.email)!),
      ownerId: null,
      throttleDays: 60,
      now: invitedAt,
    });
    await markSent(tx, invited.issued.map((i) => i.invitationId), invitedAt);
    const invitationOf = new Map(invited.issued.map((i) => [i.contactId, i.invitationId]));

    const planned = planAnswers(w, next);
    const at = (p: PlannedAnswer) => ago(p.daysAgo, p.hoursEarlier);
    // The links were opened a few minutes before each answer: one statement.
    await tx.query(
      `UPDATE invitations i SET status = 'OPENED', opened_at = t.at FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, at) WHERE i.id = t.id`,
      [planned.map((p) => invitationOf.get(idOf.get(p.contact.email)!)), planned.map((p) => new Date(at(p).getTime() - 4 * 60_000))],
    );
    for (const p of planned) {
      const contactId = idOf.get(p.contact.email)!;
      const [reason, suggestion] = commentFor(p);
      const ratings = criteria.flatMap((c) => {
        const value = ratingFor(p.score, c.weight, nextRating);
        return value === null ? [] : [{ criterion: c.criterion, value }];
      });
      const answer = validateAnswer(wave, questions, p.contact.language, { score: p.score, reason, suggestion, language: p.contact.language, ratings });
      const submittedAt = at(p);
      const { followUpId } = await recordResponse(tx, { organizationId, wave, invitationId: invitationOf.get(contactId)!, contactId, answer, submittedAt, slaHours: 48, publish: false });
      if (followUpId) followUps.push({ id: followUpId, answeredAt: submittedAt });
    }
  }

  // The history's follow-ups were all closed: reached within two days, resolved within a week (never after now).
  const latest = now.getTime() - HOUR;
  const contacted = followUps.map((f) => new Date(Math.min(latest, f.answeredAt.getTime() + (2 + Math.floor(next() * 46)) * HOUR)));
  const resolved = contacted.map((c) => new Date(Math.min(latest, c.getTime() + (4 + Math.floor(next() * 120)) * HOUR)));
  await tx.query(
    `UPDATE follow_ups f SET status = 'RESOLVED', contacted_at = t.contacted, resolved_at = t.resolved
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS t(id, contacted, resolved) WHERE f.id = t.id`,
    [followUps.map((f) => f.id), contacted, resolved],
  );

  await seedEmployeeHistory(tx, organizationId, users, now);
}
