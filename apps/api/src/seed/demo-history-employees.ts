import type { EntityManager } from 'typeorm';
import { recordEmployeeAnswer } from '../survey/respondent/anonymous-answer.service.js';
import { createParticipations, utcDate } from '../survey/invitations/participation.service.js';
import { writeRoster } from '../survey/employees/roster.service.js';
import { hashSurveyToken } from '../survey/invitations/tokens.js';
import { validateAnswer } from '../survey/respondent/answer.js';
import { defaultQuestions, textsIn, WAVE_LANGUAGES } from '../survey/waves/default-questions.js';
import { WaveQuestionEntity } from '../survey/waves/wave-question.entity.js';
import { WaveEntity } from '../survey/waves/wave.entity.js';
import { COMMENTS, endSeededWave } from './demo-employees.js';

/**
 * Two earlier quarterly employee pulses (about 290 and 195 days back) before the two of
 * demo-employees.ts, so the employee trend has four points: eNPS rising through the year (about
 * −5, +5, then the later waves).
 * Every unit except People & Culture (3 people) has at least 5 answers per wave, so the guard
 * (k = 5) shows them. The roster of that time still had the two leavers: they are re-listed for
 * these waves and left out again afterwards, both through writeRoster. Participations and answers
 * go through createParticipations and recordEmployeeAnswer, exactly as in demo-employees.ts:
 * which employee gave which answer is decided here, in memory, and never stored.
 */

const DAY = 24 * 3600_000;

type Language = keyof typeof COMMENTS;
type Category = 'promoter' | 'passive' | 'detractor';

/** A small deterministic PRNG (mulberry32), so the demo is the same on every start. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface EarlierWave {
  openedDaysAgo: number;
  closedDaysAgo: number;
  /** Per unit name, the scores of the people who answered. */
  scores: Record<string, number[]>;
}

/** 95 days apart (more than a quarter), so the waves' quarter names never repeat. */
const WAVES: EarlierWave[] = [
  {
    openedDaysAgo: 290,
    closedDaysAgo: 268,
    scores: {
      'Sales EU': [8, 9, 6, 10, 7, 9, 5, 8, 9, 7, 8],
      'Sales US': [7, 6, 9, 8, 5, 9],
      'Customer Service': [6, 5, 7, 9, 4, 8, 6],
      Recruitment: [8, 9, 7, 8, 6, 9],
      Operations: [5, 7, 6, 8, 9, 4, 7, 6, 10, 5],
      'People & Culture': [8, 9],
    },
  },
  {
    openedDaysAgo: 195,
    closedDaysAgo: 173,
    scores: {
      'Sales EU': [9, 8, 8, 7, 9, 6, 6, 10, 8, 7],
      'Sales US': [8, 7, 9, 6, 9, 8, 7],
      'Customer Service': [5, 6, 8, 5, 9, 7],
      Recruitment: [9, 8, 10, 6, 8, 7, 8],
      Operations: [6, 8, 7, 9, 5, 8, 10, 6, 7, 9, 4],
      'People & Culture': [9, 10, 8],
    },
  },
];

/**
 * The 1–5 criteria the earlier pulses ask after the score, so explore shows employee criteria from
 * their releases (whole waves only): workload hardly follows the score, support from one's
 * manager does.
 */
const EMPLOYEE_CRITERIA = [
  {
    criterion: 'manager_support',
    weight: 0.8,
    texts: {
      en: 'How well does your manager support you?',
      pl: 'Jak oceniasz wsparcie swojego przełożonego?',
      da: 'Hvor godt støtter din leder dig?',
      ru: 'Насколько хорошо вас поддерживает руководитель?',
      sl: 'Kako dobro vas podpira vaš vodja?',
    },
  },
  {
    criterion: 'workload',
    weight: 0.2,
    texts: {
      en: 'How manageable is your workload?',
      pl: 'Jak oceniasz swoje obciążenie pracą?',
      da: 'Hvor overskuelig er din arbejdsbyrde?',
      ru: 'Насколько посильна ваша нагрузка?',
      sl: 'Kako obvladljiva je vaša delovna obremenitev?',
    },
  },
];

const criterionRating = (score: number, weight: number, next: () => number) =>
  Math.min(5, Math.max(1, Math.round(weight * (1 + (score / 10) * 4) + (1 - weight) * (1 + next() * 4) + (next() - 0.5))));

const categoryOf = (score: number): Category => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');
const quarterOf = (date: Date) => `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;

export async function seedEmployeeHistory(tx: EntityManager, organizationId: string, users: Map<string, string>, now: Date): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const next = random(20260215);
  // Ratings draw from a generator of their own, so the rest of the history stays as it was.
  const nextRating = random(20260219);
  const roster: { id: string; email: string; name: string; language: Language; org_unit_id: string | null; unit: string; location: string | null; tenure_band: string | null; active: boolean }[] =
    await tx.query(
      `SELECT e.id, e.email, e.name, e.language, e.org_unit_id, u.name AS unit, e.location, e.tenure_band, e.active
         FROM employees e LEFT JOIN org_units u ON u.id = e.org_unit_id
        WHERE e.organization_id = $1 ORDER BY e.email`,
      [organizationId],
    );
  const values = (rows: typeof roster) => rows.map((r) => ({ email: r.email, name: r.name, language: r.language, orgUnitId: r.org_unit_id, location: r.location, tenureBand: r.tenure_band }));
  const columns = { location: true, tenureBand: true };
  // The roster as it was then: the leavers were still there.
  await writeRoster(tx, organizationId, values(roster), columns);

  const commentTurn = new Map<string, number>();
  for (const w of WAVES) {
    const languages = [...WAVE_LANGUAGES];
    const wave = await tx.save(
      WaveEntity,
      tx.create(WaveEntity, {
        organizationId,
        name: `Employee pulse ${quarterOf(at(w.openedDaysAgo))}`,
        audience: 'EMPLOYEE',
        status: 'OPEN',
        anonymous: true,
        languages,
        opensAt: at(w.openedDaysAgo),
        closesAt: null,
        openedAt: at(w.openedDaysAgo),
        closedAt: null,
        createdBy: users.get('hr@demo.test')!,
        createdAt: at(w.openedDaysAgo + 5),
      }),
    );
    const questions = await tx.save(WaveQuestionEntity, [
      ...defaultQuestions('EMPLOYEE').map((q) => ({ kind: q.kind, criterion: null as string | null, texts: textsIn(q.texts, languages) })),
      ...EMPLOYEE_CRITERIA.map((c) => ({ kind: 'RATING' as const, criterion: c.criterion as string | null, texts: c.texts as Record<string, string> })),
    ].map((q, i) => tx.create(WaveQuestionEntity, { waveId: wave.id, position: i + 1, ...q })));
    const { issued } = await createParticipations(tx, { organizationId, waveId: wave.id, invitedOn: utcDate(at(w.openedDaysAgo)) });
    const links = new Map(issued.map((link) => [link.employeeId, link]));

    // Who answers what, decided here and never stored; written in date order, shuffled within a day.
    const planned: { employee: (typeof roster)[number]; score: number; day: number; order: number }[] = [];
    for (const [unit, scores] of Object.entries(w.scores)) {
      const people = shuffled(roster.filter((p) => p.unit === unit && links.has(p.id)), next);
      if (people.length < scores.length) throw new Error(`The demo employee history plans ${scores.length} answers in ${unit}, which has ${people.length} people`);
      scores.forEach((score, i) => {
        const day = w.openedDaysAgo - 1 - Math.floor(next() * (w.openedDaysAgo - w.closedDaysAgo - 1));
        planned.push({ employee: people[i], score, day, order: next() });
      });
    }
    planned.sort((a, b) => b.day - a.day || a.order - b.order);
    for (const { employee, score, day } of planned) {
      const category = categoryOf(score);
      const key = `${employee.language}|${category}`;
      const turn = commentTurn.get(key) ?? 0;
      commentTurn.set(key, turn + 1);
      const pool = COMMENTS[employee.language][category];
      // Every third answer is a score without words; the comments start further along than demo-employees.ts.
      const [reason, suggestion] = turn % 3 === 2 ? [null, null] : pool[(turn + 1) % pool.length];
      const ratings = EMPLOYEE_CRITERIA.map((c) => ({ criterion: c.criterion, value: criterionRating(score, c.weight, nextRating) }));
      const answer = validateAnswer(wave, questions, employee.language, { score, reason, suggestion, language: employee.language, ratings });
      await recordEmployeeAnswer(tx, { tokenHash: hashSurveyToken(links.get(employee.id)!.token), answer, now: at(day), threshold: 5 });
    }
    await endSeededWave(tx, wave.id, 'CLOSED', at(w.closedDaysAgo));
  }
  // Back to today's roster: the leavers left again.
  await writeRoster(tx, organizationId, values(roster.filter((r) => r.active)), columns);
}
