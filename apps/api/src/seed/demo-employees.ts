import type { EntityManager } from 'typeorm';
import type { AppServices } from '../kernel/context.js';
import type { Logger } from '../logger.js';
import { freezeThemeCatalogue } from '../reporting/anonymity/catalogue.js';
import { releaseInTransaction } from '../reporting/anonymity/release/service.js';
import { recordEmployeeAnswer } from '../survey/respondent/anonymous-answer.service.js';
import { createParticipations, deliverEmployeeLinks, utcDate, type IssuedLink } from '../survey/invitations/participation.service.js';
import { writeRoster } from '../survey/employees/roster.service.js';
import type { RosterValues } from '../survey/employees/roster.csv.js';
import { hashSurveyToken } from '../survey/invitations/tokens.js';
import { validateAnswer } from '../survey/respondent/answer.js';
import { defaultQuestions, textsIn, WAVE_LANGUAGES } from '../survey/waves/default-questions.js';
import { WaveQuestionEntity } from '../survey/waves/wave-question.entity.js';
import { WaveEntity, type WaveStatus } from '../survey/waves/wave.entity.js';

/**
 * The demo organization's employee roster and two anonymous employee waves (eNPS): a closed one
 * last quarter and an open one now, with answers and comments in the employees' languages. Every
 * row goes through the same functions as the API (writeRoster, createParticipations,
 * validateAnswer, recordEmployeeAnswer), so the stored rows look exactly like real ones: nothing
 * links an answer to its participation. Units of at least 5 people show results; People & Culture
 * has 3, so its results stay suppressed. Two people leave between the waves (a roster re-import).
 * Which employee gave which answer is decided here, in memory, and never stored.
 */

const DAY = 24 * 3600_000;

type Unit = 'Sales EU' | 'Sales US' | 'Customer Service' | 'Recruitment' | 'Operations' | 'People & Culture';
type Language = 'en' | 'pl' | 'da' | 'ru' | 'sl';

interface DemoEmployee {
  email: string;
  name: string;
  language: Language;
  unit: Unit;
  location: string;
  /** Left the company after the first wave: not in the later roster import. */
  leaver?: true;
}

const e = (unit: Unit, location: string, language: Language, name: string, email: string, leaver?: true): DemoEmployee => ({
  email: `${email}@demo-company.example`,
  name,
  language,
  unit,
  location,
  ...(leaver ? { leaver } : {}),
});

export const DEMO_EMPLOYEES: DemoEmployee[] = [
  e('Sales EU', 'Warsaw', 'pl', 'Agnieszka Wróbel', 'agnieszka.wrobel'),
  e('Sales EU', 'Warsaw', 'pl', 'Paweł Kamiński', 'pawel.kaminski'),
  e('Sales EU', 'Warsaw', 'pl', 'Karolina Jabłońska', 'karolina.jablonska'),
  e('Sales EU', 'Warsaw', 'pl', 'Michał Zając', 'michal.zajac'),
  e('Sales EU', 'Warsaw', 'pl', 'Ewa Szymańska', 'ewa.szymanska'),
  e('Sales EU', 'Warsaw', 'pl', 'Krzysztof Pawlak', 'krzysztof.pawlak', true),
  e('Sales EU', 'Copenhagen', 'da', 'Mads Christensen', 'mads.christensen'),
  e('Sales EU', 'Copenhagen', 'da', 'Ida Rasmussen', 'ida.rasmussen'),
  e('Sales EU', 'Copenhagen', 'da', 'Rasmus Poulsen', 'rasmus.poulsen'),
  e('Sales EU', 'Copenhagen', 'da', 'Camilla Møller', 'camilla.moller'),
  e('Sales EU', 'Ljubljana', 'sl', 'Žiga Kranjc', 'ziga.kranjc'),
  e('Sales EU', 'Ljubljana', 'sl', 'Tina Zupančič', 'tina.zupancic'),
  e('Sales EU', 'Ljubljana', 'sl', 'Matej Potočnik', 'matej.potocnik'),
  e('Sales EU', 'Remote', 'ru', 'Анна Лебедева', 'anna.lebedeva'),
  e('Sales EU', 'Remote', 'ru', 'Павел Орлов', 'pavel.orlov'),
  e('Sales US', 'New York', 'en', 'Ashley Johnson', 'ashley.johnson'),
  e('Sales US', 'New York', 'en', 'Brian Thompson', 'brian.thompson'),
  e('Sales US', 'New York', 'en', 'Megan Clark', 'megan.clark'),
  e('Sales US', 'Remote', 'en', 'Kevin Lewis', 'kevin.lewis'),
  e('Sales US', 'New York', 'en', 'Rachel Walker', 'rachel.walker'),
  e('Sales US', 'Remote', 'en', 'Tyler Hall', 'tyler.hall'),
  e('Sales US', 'New York', 'en', 'Olivia Young', 'olivia.young'),
  e('Sales US', 'Remote', 'en', 'Justin King', 'justin.king'),
  e('Sales US', 'New York', 'en', 'Hannah Wright', 'hannah.wright'),
  e('Customer Service', 'Warsaw', 'pl', 'Joanna Krawczyk', 'joanna.krawczyk'),
  e('Customer Service', 'Warsaw', 'pl', 'Tomasz Piotrowski', 'tomasz.piotrowski'),
  e('Customer Service', 'Warsaw', 'pl', 'Natalia Grabowska', 'natalia.grabowska'),
  e('Customer Service', 'Warsaw', 'pl', 'Adam Nowicki', 'adam.nowicki'),
  e('Customer Service', 'Warsaw', 'ru', 'Мария Козлова', 'maria.kozlova'),
  e('Customer Service', 'Warsaw', 'ru', 'Николай Егоров', 'nikolay.egorov'),
  e('Customer Service', 'Ljubljana', 'sl', 'Petra Golob', 'petra.golob'),
  e('Customer Service', 'Ljubljana', 'sl', 'Nejc Vidmar', 'nejc.vidmar'),
  e('Customer Service', 'Ljubljana', 'sl', 'Urška Kos', 'urska.kos'),
  e('Customer Service', 'Remote', 'en', 'Grace Mitchell', 'grace.mitchell'),
  e('Customer Service', 'Remote', 'en', 'Daniel Scott', 'daniel.scott'),
  e('Recruitment', 'Copenhagen', 'da', 'Louise Sørensen', 'louise.sorensen'),
  e('Recruitment', 'Copenhagen', 'da', 'Emil Thomsen', 'emil.thomsen'),
  e('Recruitment', 'Copenhagen', 'da', 'Sofie Kjær', 'sofie.kjaer'),
  e('Recruitment', 'Copenhagen', 'da', 'Jonas Lund', 'jonas.lund'),
  e('Recruitment', 'Warsaw', 'pl', 'Aleksandra Dudek', 'aleksandra.dudek'),
  e('Recruitment', 'Warsaw', 'pl', 'Bartosz Mazurek', 'bartosz.mazurek'),
  e('Recruitment', 'Warsaw', 'pl', 'Zofia Sikora', 'zofia.sikora'),
  e('Recruitment', 'Remote', 'en', 'Chloe Adams', 'chloe.adams'),
  e('Recruitment', 'Remote', 'en', 'Ryan Baker', 'ryan.baker'),
  e('Operations', 'Ljubljana', 'sl', 'Jure Mlakar', 'jure.mlakar'),
  e('Operations', 'Ljubljana', 'sl', 'Anja Turk', 'anja.turk'),
  e('Operations', 'Ljubljana', 'sl', 'Blaž Kovačič', 'blaz.kovacic'),
  e('Operations', 'Ljubljana', 'sl', 'Eva Hribar', 'eva.hribar'),
  e('Operations', 'Ljubljana', 'sl', 'Gregor Zorman', 'gregor.zorman'),
  e('Operations', 'Warsaw', 'pl', 'Marcin Kaczmarek', 'marcin.kaczmarek'),
  e('Operations', 'Warsaw', 'pl', 'Monika Lis', 'monika.lis'),
  e('Operations', 'Warsaw', 'pl', 'Łukasz Wieczorek', 'lukasz.wieczorek'),
  e('Operations', 'Remote', 'ru', 'Дмитрий Новиков', 'dmitry.novikov'),
  e('Operations', 'Warsaw', 'ru', 'Ольга Морозова', 'olga.morozova'),
  e('Operations', 'Remote', 'ru', 'Игорь Соколов', 'igor.sokolov'),
  e('Operations', 'Copenhagen', 'da', 'Frederik Larsen', 'frederik.larsen'),
  e('Operations', 'Copenhagen', 'da', 'Maja Nørgaard', 'maja.norgaard'),
  e('Operations', 'Copenhagen', 'da', 'Nikolaj Berg', 'nikolaj.berg'),
  e('Operations', 'Copenhagen', 'da', 'Simon Jakobsen', 'simon.jakobsen', true),
  e('People & Culture', 'Copenhagen', 'da', 'Line Holm', 'line.holm'),
  e('People & Culture', 'Warsaw', 'pl', 'Magdalena Krupa', 'magdalena.krupa'),
  e('People & Culture', 'Ljubljana', 'sl', 'Nina Jereb', 'nina.jereb'),
];

const TENURE_BANDS = ['<1y', '1-3y', '3y+', '1-3y', '3y+', '<1y', '3y+'] as const;

type Category = 'promoter' | 'passive' | 'detractor';
type Comment = [reason: string, suggestion: string | null];

/** Realistic comments per language and category; answers take them in turn. */
export const COMMENTS: Record<Language, Record<Category, Comment[]>> = {
  en: {
    promoter: [
      ['Great team and a manager who actually listens.', 'More knowledge-sharing sessions across teams.'],
      ['Flexible hours make it easy to combine work and family.', null],
      ['I learn something new every week and get real responsibility.', 'A clearer path to the next role.'],
      ['People help each other without being asked.', 'Keep the Friday demos.'],
    ],
    passive: [
      ['A good place overall, but salaries lag behind the market.', 'Transparent salary bands.'],
      ['Interesting work, although priorities change too often.', 'Fewer last-minute changes to plans.'],
      ['Nice colleagues; the tools we use are slow and outdated.', 'Invest in a better CRM.'],
    ],
    detractor: [
      ['The workload has been too high for months and nobody seems to notice.', 'Fill the open positions before taking on new clients.'],
      ['Decisions are made far away from the people who do the work.', 'Ask the teams before changing processes.'],
      ['I do not see any career path for me here.', 'Regular development talks with the manager.'],
    ],
  },
  pl: {
    promoter: [
      ['Świetny zespół i przełożony, który naprawdę słucha.', 'Więcej wspólnych szkoleń między działami.'],
      ['Elastyczne godziny pracy pozwalają pogodzić pracę z rodziną.', null],
      ['Co tydzień uczę się czegoś nowego i mam realny wpływ na wyniki.', 'Jaśniejsza ścieżka awansu.'],
      ['Ludzie pomagają sobie nawzajem, nie trzeba nikogo prosić.', 'Utrzymajcie piątkowe spotkania zespołu.'],
    ],
    passive: [
      ['Ogólnie dobre miejsce, ale wynagrodzenia odstają od rynku.', 'Jawne widełki płacowe.'],
      ['Ciekawa praca, choć priorytety zmieniają się zbyt często.', 'Mniej zmian planów w ostatniej chwili.'],
      ['Mili współpracownicy, ale narzędzia są wolne i przestarzałe.', 'Nowy system CRM.'],
    ],
    detractor: [
      ['Od miesięcy mamy za dużo pracy i nikt tego nie zauważa.', 'Zatrudnijcie ludzi na wolne etaty, zanim weźmiecie nowych klientów.'],
      ['Decyzje zapadają daleko od ludzi, którzy wykonują pracę.', 'Pytajcie zespoły przed zmianą procesów.'],
      ['Nie widzę tu dla siebie żadnej ścieżki rozwoju.', 'Regularne rozmowy rozwojowe z przełożonym.'],
    ],
  },
  da: {
    promoter: [
      ['Et fantastisk team og en leder, der faktisk lytter.', 'Flere videndelingsmøder på tværs af teams.'],
      ['Fleksible arbejdstider gør det nemt at få familielivet til at hænge sammen.', null],
      ['Jeg lærer noget nyt hver uge og får reelt ansvar.', 'En tydeligere vej til næste rolle.'],
      ['Kollegerne hjælper hinanden uden at blive bedt om det.', 'Behold fredagsdemoerne.'],
    ],
    passive: [
      ['Generelt et godt sted, men lønnen halter efter markedet.', 'Gennemsigtige lønintervaller.'],
      ['Spændende arbejde, selvom prioriteterne skifter for tit.', 'Færre ændringer i sidste øjeblik.'],
      ['Søde kolleger, men vores systemer er langsomme og forældede.', 'Invester i et bedre CRM-system.'],
    ],
    detractor: [
      ['Arbejdspresset har været for højt i månedsvis, og ingen reagerer.', 'Besæt de ledige stillinger, før vi tager nye kunder ind.'],
      ['Beslutninger træffes langt fra dem, der udfører arbejdet.', 'Spørg teamene, før processer ændres.'],
      ['Jeg kan ikke se nogen karrierevej for mig her.', 'Faste udviklingssamtaler med lederen.'],
    ],
  },
  ru: {
    promoter: [
      ['Отличная команда и руководитель, который действительно слушает.', 'Больше встреч для обмена опытом между отделами.'],
      ['Гибкий график позволяет совмещать работу и семью.', null],
      ['Каждую неделю узнаю что-то новое и получаю реальную ответственность.', 'Более понятный путь к следующей должности.'],
      ['Коллеги помогают друг другу без лишних просьб.', 'Сохраните пятничные демо.'],
    ],
    passive: [
      ['В целом хорошее место, но зарплаты отстают от рынка.', 'Прозрачные зарплатные вилки.'],
      ['Интересная работа, но приоритеты меняются слишком часто.', 'Меньше изменений планов в последний момент.'],
      ['Приятные коллеги, но инструменты медленные и устаревшие.', 'Вложиться в нормальную CRM.'],
    ],
    detractor: [
      ['Уже несколько месяцев слишком большая нагрузка, и никто этого не замечает.', 'Закройте открытые вакансии, прежде чем брать новых клиентов.'],
      ['Решения принимаются далеко от тех, кто делает работу.', 'Спрашивайте команды перед изменением процессов.'],
      ['Не вижу здесь для себя карьерного роста.', 'Регулярные беседы о развитии с руководителем.'],
    ],
  },
  sl: {
    promoter: [
      ['Odlična ekipa in vodja, ki res prisluhne.', 'Več izmenjave znanja med oddelki.'],
      ['Gibljiv delovni čas mi omogoča, da uskladim delo in družino.', null],
      ['Vsak teden se naučim kaj novega in imam resnično odgovornost.', 'Jasnejša pot do naslednje vloge.'],
      ['Sodelavci si pomagajo, ne da bi jih bilo treba prositi.', 'Ohranite petkove predstavitve.'],
    ],
    passive: [
      ['Na splošno dober delodajalec, a plače zaostajajo za trgom.', 'Pregledni plačni razredi.'],
      ['Zanimivo delo, čeprav se prioritete prepogosto spreminjajo.', 'Manj sprememb načrtov v zadnjem trenutku.'],
      ['Prijetni sodelavci, a orodja so počasna in zastarela.', 'Naložba v boljši CRM.'],
    ],
    detractor: [
      ['Že mesece imamo preveč dela in tega nihče ne opazi.', 'Zaposlite ljudi na prosta mesta, preden prevzamemo nove stranke.'],
      ['Odločitve se sprejemajo daleč od ljudi, ki delo opravljajo.', 'Vprašajte ekipe, preden spremenite procese.'],
      ['Tu ne vidim nobene poti za svoj razvoj.', 'Redni razvojni pogovori z vodjo.'],
    ],
  },
};

interface DemoEmployeeWave {
  status: WaveStatus;
  openedDaysAgo: number;
  /** Days before (negative: after) the seeding moment. */
  closesDaysAgo: number;
  /** Per unit, the scores of the people who answered (taken in the unit's shuffled order). */
  scores: Record<Unit, number[]>;
}

const WAVES: DemoEmployeeWave[] = [
  {
    status: 'CLOSED',
    openedDaysAgo: 100,
    closesDaysAgo: 72,
    scores: {
      'Sales EU': [9, 10, 8, 9, 7, 10, 6, 9, 8, 10],
      'Sales US': [7, 8, 6, 9, 5, 8],
      'Customer Service': [5, 6, 8, 4, 7, 6, 9],
      Recruitment: [9, 8, 10, 7, 9, 6],
      Operations: [6, 7, 8, 5, 9, 7, 8, 3, 10],
      'People & Culture': [9, 8],
    },
  },
  {
    // Closed yesterday: the current quarter's eNPS on the board comes from its release.
    status: 'CLOSED',
    openedDaysAgo: 29,
    closesDaysAgo: 1,
    scores: {
      'Sales EU': [10, 9, 9, 8, 10, 7, 9, 6],
      'Sales US': [8, 9, 7, 6],
      'Customer Service': [7, 8, 6, 9, 8, 10],
      Recruitment: [9, 10, 8, 9, 7],
      Operations: [8, 7, 9, 6, 8, 9, 5],
      'People & Culture': [10],
    },
  },
  {
    // Running since yesterday: only its participation shows until it closes.
    status: 'OPEN',
    openedDaysAgo: 1,
    closesDaysAgo: -27,
    scores: {
      'Sales EU': [9, 8],
      'Sales US': [7],
      'Customer Service': [10],
      Recruitment: [],
      Operations: [8, 6],
      'People & Culture': [],
    },
  },
];

/** A small deterministic PRNG (mulberry32), so the demo is the same on every start. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const categoryOf = (score: number): Category => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');
const quarterOf = (date: Date) => `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;

/** The demo organization keeps the default threshold. */
const DEMO_THRESHOLD = 5;

/** A seeded wave's end: closed at `closes` (its release comes later), or running until then. */
export async function endSeededWave(tx: EntityManager, waveId: string, status: WaveStatus, closes: Date): Promise<void> {
  await tx.query(`UPDATE waves SET status = $2, closes_at = $3, closed_at = CASE WHEN $2 = 'CLOSED' THEN $3::timestamptz END WHERE id = $1`, [waveId, status, closes]);
}

/**
 * The demo's employee waves as if their theme catalogue had been frozen when each opened (the
 * demo's themes are seeded after the waves), and the release of each closed one — made the way
 * closeWave makes it, inside the seed's transaction.
 */
export async function seedEmployeeReleases(tx: EntityManager, organizationId: string, logger: Logger): Promise<void> {
  const waves: { id: string; status: WaveStatus }[] = await tx.query(
    `SELECT id, status FROM waves WHERE organization_id = $1 AND audience = 'EMPLOYEE' AND status <> 'DRAFT' ORDER BY closes_at`,
    [organizationId],
  );
  for (const wave of waves) {
    await freezeThemeCatalogue(tx, organizationId, wave.id);
    if (wave.status === 'CLOSED') await releaseInTransaction(tx, logger, organizationId, wave.id, DEMO_THRESHOLD);
  }
}

/** What the seeder mails after its transaction: the open wave's links of people who have not answered. */
export interface SeededEmployees {
  pendingMail: { wave: WaveEntity; issued: IssuedLink[] }[];
}

export async function seedEmployees(
  tx: EntityManager,
  organizationId: string,
  users: Map<string, string>,
  units: Map<string, string>,
  now: Date,
): Promise<SeededEmployees> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const next = random(20261123);
  const rosterOf = (people: DemoEmployee[]): RosterValues[] =>
    people.map((p) => ({
      email: p.email,
      name: p.name,
      language: p.language,
      orgUnitId: units.get(p.unit)!,
      location: p.location,
      tenureBand: TENURE_BANDS[DEMO_EMPLOYEES.indexOf(p) % TENURE_BANDS.length],
    }));
  const columns = { location: true, tenureBand: true };
  const ids = async () => {
    const rows: { id: string; email: string }[] = await tx.query(`SELECT id, email FROM employees WHERE organization_id = $1`, [organizationId]);
    return new Map(rows.map((r) => [r.email, r.id]));
  };

  // The roster as it was for the first wave; the leavers go with the import before the second.
  await writeRoster(tx, organizationId, rosterOf(DEMO_EMPLOYEES), columns);
  const employeeIds = await ids();
  const commentTurn = new Map<string, number>();
  const pendingMail: SeededEmployees['pendingMail'] = [];

  for (const [index, w] of WAVES.entries()) {
    if (index > 0) await writeRoster(tx, organizationId, rosterOf(DEMO_EMPLOYEES.filter((p) => !p.leaver)), columns);
    const languages = [...WAVE_LANGUAGES];
    const wave = await tx.save(
      WaveEntity,
      tx.create(WaveEntity, {
        organizationId,
        name: `Employee pulse ${quarterOf(at(w.openedDaysAgo))}`,
        audience: 'EMPLOYEE',
        // Open while its answers come in; closed below like closeWave would (its release is made
        // once the demo's themes exist: seedEmployeeReleases).
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
    const questions = await tx.save(
      WaveQuestionEntity,
      defaultQuestions('EMPLOYEE').map((q, i) =>
        tx.create(WaveQuestionEntity, { waveId: wave.id, position: i + 1, kind: q.kind, criterion: null, texts: textsIn(q.texts, languages) }),
      ),
    );
    const { issued } = await createParticipations(tx, { organizationId, waveId: wave.id, invitedOn: utcDate(at(w.openedDaysAgo)) });
    const links = new Map(issued.map((link) => [link.employeeId, link]));

    // Who answers what, decided here and never stored; then written in date order, shuffled within a day.
    const planned: { employee: DemoEmployee; score: number; day: number; order: number }[] = [];
    const lastDay = w.status === 'CLOSED' ? w.closesDaysAgo + 1 : 0; // answers come in between the opening and this day
    for (const [unit, scores] of Object.entries(w.scores) as [Unit, number[]][]) {
      const people = shuffled(
        DEMO_EMPLOYEES.filter((p) => p.unit === unit && links.has(employeeIds.get(p.email)!)),
        next,
      );
      scores.forEach((score, i) => {
        const day = w.openedDaysAgo - 1 - Math.floor(next() * (w.openedDaysAgo - lastDay));
        planned.push({ employee: people[i], score, day, order: next() });
      });
    }
    planned.sort((a, b) => b.day - a.day || a.order - b.order);

    for (const { employee, score, day } of planned) {
      const link = links.get(employeeIds.get(employee.email)!)!;
      const category = categoryOf(score);
      const key = `${employee.language}|${category}`;
      const turn = commentTurn.get(key) ?? 0;
      commentTurn.set(key, turn + 1);
      const pool = COMMENTS[employee.language][category];
      // Every fourth answer is a score without words.
      const [reason, suggestion] = turn % 4 === 3 ? [null, null] : pool[turn % pool.length];
      const answer = validateAnswer(wave, questions, employee.language, { score, reason, suggestion, language: employee.language });
      await recordEmployeeAnswer(tx, { tokenHash: hashSurveyToken(link.token), answer, now: at(day), threshold: DEMO_THRESHOLD });
      links.delete(link.employeeId);
    }
    await endSeededWave(tx, wave.id, w.status, at(w.closesDaysAgo));
    if (w.status === 'OPEN') pendingMail.push({ wave, issued: [...links.values()] });
  }
  return { pendingMail };
}

/**
 * For a demo on the outbox mailer: writes the open employee wave's invitation mails of the people
 * who have not answered, so the anonymous survey page can be tried from a real link.
 */
export async function mailDemoEmployeeInvitations(app: AppServices, db: EntityManager, seeded: SeededEmployees): Promise<number> {
  if (app.mailer.kind !== 'outbox') return 0;
  let sent = 0;
  for (const { wave, issued } of seeded.pendingMail) sent += (await deliverEmployeeLinks(app, db, wave, issued)).sent;
  return sent;
}
