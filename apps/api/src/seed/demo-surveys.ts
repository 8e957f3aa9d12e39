import type { EntityManager } from 'typeorm';
import type { AppServices } from '../kernel/context.js';
import { ContactEntity } from '../survey/contacts/contact.entity.js';
import { FollowUpEntity, FollowUpNoteEntity, type FollowUpStatus } from '../survey/follow-ups/follow-up.entity.js';
import { InvitationEntity } from '../survey/invitations/invitation.entity.js';
import { createInvitations, markSent, type IssuedToken } from '../survey/invitations/invitation.service.js';
import { queueMail } from '../survey/invitations/mail-batches.js';
import { validateAnswer } from '../survey/respondent/answer.js';
import { recordResponse } from '../survey/respondent/record-responses.js';
import { defaultQuestions, textsIn, WAVE_LANGUAGES } from '../survey/waves/default-questions.js';
import { WaveQuestionEntity } from '../survey/waves/wave-question.entity.js';
import { WaveEntity, type Audience, type WaveStatus } from '../survey/waves/wave.entity.js';

/**
 * The demo organization's identified survey cycle: contacts in five languages, customer,
 * candidate and associate waves with invitations, answers (with realistic comments in the
 * respondent's language), and detractor follow-ups in every state. Times are relative to the
 * seeding moment, so the demo always shows a recent past; everything else is fixed. Invitations
 * and answers go through the same functions as the API (createInvitations, validateAnswer,
 * recordResponse).
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

type Relationship = 'customer' | 'candidate' | 'associate';

interface DemoContact {
  email: string;
  name: string;
  language: string;
  owner: string;
  unit: string;
  relationship: Relationship;
  segments: Record<string, string>;
}

const customer = (email: string, name: string, language: string, owner: string, unit: string, region: string, area: string, product: string): DemoContact => ({
  email,
  name,
  language,
  owner,
  unit,
  relationship: 'customer',
  segments: { region, business_area: area, product },
});

const person = (relationship: Relationship, email: string, name: string, language: string, owner: string, unit: string, region: string, area: string): DemoContact => ({
  email,
  name,
  language,
  owner,
  unit,
  relationship,
  segments: { region, business_area: area, product: relationship === 'candidate' ? 'Permanent placement' : 'Temporary staffing' },
});

const MARTA = 'manager@demo.test';
const SOREN = 'manager.dk@demo.test';
const IRINA = 'manager.cis@demo.test';
const JESSICA = 'manager.us@demo.test';
const JULIA = 'recruiter@demo.test';
const TOMAZ = 'ops@demo.test';
const CX = 'cx@demo.test';

/** The extra managers the survey cycle needs; demo.ts seeds them with the other users. */
export const DEMO_MANAGERS = [
  { email: JESSICA, name: 'Jessica Miller', roles: ['MANAGER' as const], unit: 'Sales US', language: 'en' },
  { email: SOREN, name: 'Søren Dahl', roles: ['MANAGER' as const], unit: 'Sales EU', language: 'da' },
  { email: IRINA, name: 'Irina Sokolova', roles: ['MANAGER' as const], unit: 'Sales EU', language: 'ru' },
  { email: JULIA, name: 'Julia Kowalczyk', roles: ['MANAGER' as const], unit: 'Recruitment', language: 'pl' },
  { email: TOMAZ, name: 'Tomaž Zupan', roles: ['MANAGER' as const], unit: 'Operations', language: 'sl' },
];

export const DEMO_CONTACTS: DemoContact[] = [
  customer('anna.kowalska@polmet.example', 'Anna Kowalska', 'pl', MARTA, 'Sales EU', 'EU', 'Manufacturing', 'Temporary staffing'),
  customer('piotr.wisniewski@logis-pl.example', 'Piotr Wiśniewski', 'pl', MARTA, 'Sales EU', 'EU', 'Logistics', 'Managed services'),
  customer('k.zielinska@medica-krakow.example', 'Katarzyna Zielińska', 'pl', MARTA, 'Sales EU', 'EU', 'Healthcare', 'Permanent placement'),
  customer('t.lewandowski@bazar-sklepy.example', 'Tomasz Lewandowski', 'pl', MARTA, 'Sales EU', 'EU', 'Retail', 'Temporary staffing'),
  customer('m.wojcik@softpol.example', 'Magdalena Wójcik', 'pl', MARTA, 'Sales EU', 'EU', 'IT services', 'Permanent placement'),
  customer('maja.novak@alpetour.example', 'Maja Novak', 'sl', MARTA, 'Sales EU', 'EU', 'Logistics', 'Temporary staffing'),
  customer('luka.horvat@kovina.example', 'Luka Horvat', 'sl', MARTA, 'Sales EU', 'EU', 'Manufacturing', 'Managed services'),
  customer('nina.krajnc@zdravje-plus.example', 'Nina Krajnc', 'sl', MARTA, 'Sales EU', 'EU', 'Healthcare', 'Temporary staffing'),
  customer('mette.jensen@nordhavn-logistik.example', 'Mette Jensen', 'da', SOREN, 'Sales EU', 'EU', 'Logistics', 'Managed services'),
  customer('lars.nielsen@fynsk-metal.example', 'Lars Nielsen', 'da', SOREN, 'Sales EU', 'EU', 'Manufacturing', 'Temporary staffing'),
  customer('sofie.hansen@kbh-retail.example', 'Sofie Hansen', 'da', SOREN, 'Sales EU', 'EU', 'Retail', 'Temporary staffing'),
  customer('anders.pedersen@databy.example', 'Anders Pedersen', 'da', SOREN, 'Sales EU', 'EU', 'IT services', 'Permanent placement'),
  customer('a.smirnov@volga-trans.example', 'Алексей Смирнов', 'ru', IRINA, 'Sales EU', 'CIS', 'Logistics', 'Managed services'),
  customer('e.kuznetsova@ural-service.example', 'Елена Кузнецова', 'ru', IRINA, 'Sales EU', 'CIS', 'Manufacturing', 'Temporary staffing'),
  customer('d.popov@almaty-retail.example', 'Дмитрий Попов', 'ru', IRINA, 'Sales EU', 'CIS', 'Retail', 'Temporary staffing'),
  customer('o.vasilyeva@minsk-soft.example', 'Ольга Васильева', 'ru', IRINA, 'Sales EU', 'CIS', 'IT services', 'Permanent placement'),
  customer('emily.carter@bluecrest-logistics.example', 'Emily Carter', 'en', JESSICA, 'Sales US', 'US', 'Logistics', 'Managed services'),
  customer('michael.brown@summit-mfg.example', 'Michael Brown', 'en', JESSICA, 'Sales US', 'US', 'Manufacturing', 'Temporary staffing'),
  customer('sarah.davis@greenleaf-grocers.example', 'Sarah Davis', 'en', JESSICA, 'Sales US', 'US', 'Retail', 'Temporary staffing'),
  customer('david.wilson@brightpath-health.example', 'David Wilson', 'en', JESSICA, 'Sales US', 'US', 'Healthcare', 'Temporary staffing'),
  customer('jennifer.moore@corelink-it.example', 'Jennifer Moore', 'en', JESSICA, 'Sales US', 'US', 'IT services', 'Permanent placement'),
  customer('robert.taylor@ironbridge-steel.example', 'Robert Taylor', 'en', JESSICA, 'Sales US', 'US', 'Manufacturing', 'Managed services'),
  person('candidate', 'jakub.mazur@mail.example', 'Jakub Mazur', 'pl', JULIA, 'Recruitment', 'EU', 'IT services'),
  person('candidate', 'freja.larsen@mail.example', 'Freja Larsen', 'da', JULIA, 'Recruitment', 'EU', 'Healthcare'),
  person('candidate', 'ivan.morozov@mail.example', 'Иван Морозов', 'ru', JULIA, 'Recruitment', 'CIS', 'Logistics'),
  person('candidate', 'ana.kovac@mail.example', 'Ana Kovač', 'sl', JULIA, 'Recruitment', 'EU', 'Manufacturing'),
  person('candidate', 'daniel.harris@mail.example', 'Daniel Harris', 'en', JULIA, 'Recruitment', 'US', 'IT services'),
  person('associate', 'marek.dabrowski@mail.example', 'Marek Dąbrowski', 'pl', TOMAZ, 'Operations', 'EU', 'Manufacturing'),
  person('associate', 'jonas.kristensen@mail.example', 'Jonas Kristensen', 'da', TOMAZ, 'Operations', 'EU', 'Logistics'),
  person('associate', 'sergey.volkov@mail.example', 'Сергей Волков', 'ru', TOMAZ, 'Operations', 'CIS', 'Logistics'),
  person('associate', 'rok.kos@mail.example', 'Rok Kos', 'sl', TOMAZ, 'Operations', 'EU', 'Manufacturing'),
  person('associate', 'laura.bennett@mail.example', 'Laura Bennett', 'en', TOMAZ, 'Operations', 'US', 'Healthcare'),
];

/** Unsubscribed after the previous customer wave: skipped by the current one. */
const UNSUBSCRIBED = { email: 'robert.taylor@ironbridge-steel.example', daysAgo: 80 };

interface DemoNote {
  by: string;
  text: string;
  /** Hours after the answer. */
  after: number;
}

interface DemoFollowUp {
  status: FollowUpStatus;
  /** Hours after the answer the contact was reached / the follow-up resolved. */
  contactedAfter?: number;
  resolvedAfter?: number;
  notes?: DemoNote[];
}

interface DemoAnswer {
  email: string;
  score: number;
  reason: string | null;
  suggestion?: string | null;
  ratings?: Record<string, number>;
  /** How long before the seeding moment the answer came in. */
  hoursAgo: number;
  followUp?: DemoFollowUp;
}

interface DemoRating {
  criterion: string;
  texts: Record<string, string>;
}

interface DemoWave {
  name: string;
  audience: Exclude<Audience, 'EMPLOYEE'>;
  status: WaveStatus;
  /** Days before the seeding moment. */
  openedDaysAgo: number;
  /** Days before (negative: after) the seeding moment. */
  closesDaysAgo: number;
  relationship: Relationship;
  ratings?: DemoRating[];
  answers: DemoAnswer[];
  /** Invited but not answered, and the link opened. */
  opened?: string[];
}

const d = (days: number) => days * 24;

const quarterOf = (date: Date) => `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;

function demoWaves(now: Date): DemoWave[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  return [
    {
      name: `Customer NPS ${quarterOf(at(120))}`,
      audience: 'CUSTOMER',
      status: 'CLOSED',
      openedDaysAgo: 120,
      closesDaysAgo: 60,
      relationship: 'customer',
      answers: [
        { email: 'anna.kowalska@polmet.example', score: 9, reason: 'Szybko reagujecie na nasze zapotrzebowanie, nawet przy bardzo krótkim terminie.', suggestion: 'Więcej informacji o statusie rekrutacji w trakcie procesu.', hoursAgo: d(116) },
        {
          email: 'piotr.wisniewski@logis-pl.example', score: 6, reason: 'Kilka razy pracownicy tymczasowi nie pojawili się na pierwszej zmianie.', suggestion: 'Potwierdzajcie obsadę zmiany dzień wcześniej.', hoursAgo: d(115),
          followUp: { status: 'RESOLVED', contactedAfter: 20, resolvedAfter: 70, notes: [
            { by: MARTA, after: 20, text: 'Called Piotr. Two no-shows on night shifts in one week; we agreed to confirm every shift by text the day before.' },
            { by: MARTA, after: 70, text: 'Confirmations by text are running; Piotr is satisfied. Closing.' },
          ] },
        },
        { email: 'k.zielinska@medica-krakow.example', score: 10, reason: 'Świetnie dobrani kandydaci, wszyscy przeszli okres próbny.', hoursAgo: d(113) },
        { email: 'm.wojcik@softpol.example', score: 8, reason: 'Dobra współpraca, choć faktury czasem przychodzą z opóźnieniem.', suggestion: 'Faktury wystawiane na czas.', hoursAgo: d(112) },
        { email: 'maja.novak@alpetour.example', score: 9, reason: 'Zanesljivi ste in vedno dosegljivi po telefonu.', hoursAgo: d(114) },
        {
          email: 'luka.horvat@kovina.example', score: 5, reason: 'Predolgo čakamo na nadomestne delavce, ko kdo zboli.', suggestion: 'Rezervni seznam delavcev za hitro zamenjavo.', hoursAgo: d(111),
          followUp: { status: 'RESOLVED', contactedAfter: 30, resolvedAfter: 120, notes: [
            { by: MARTA, after: 30, text: 'Met Luka on site. We now keep a standby list of three trained workers for Kovina.' },
          ] },
        },
        { email: 'mette.jensen@nordhavn-logistik.example', score: 10, reason: 'Altid hurtige svar og medarbejdere, der er klar fra første dag.', hoursAgo: d(117) },
        { email: 'lars.nielsen@fynsk-metal.example', score: 7, reason: 'Generelt godt, men introduktionen af nye vikarer kunne være bedre.', suggestion: 'Send en kort introduktion til vikaren før første arbejdsdag.', hoursAgo: d(110) },
        { email: 'sofie.hansen@kbh-retail.example', score: 8, reason: 'Fleksible og venlige konsulenter.', suggestion: 'Mere gennemsigtige priser.', hoursAgo: d(109) },
        { email: 'a.smirnov@volga-trans.example', score: 9, reason: 'Быстро закрываете вакансии, даже сложные позиции водителей.', hoursAgo: d(115) },
        {
          email: 'e.kuznetsova@ural-service.example', score: 4, reason: 'Счета приходят с ошибками, приходится всё перепроверять.', suggestion: 'Проверяйте счета перед отправкой.', hoursAgo: d(108),
          followUp: { status: 'RESOLVED', contactedAfter: 120, resolvedAfter: 190, notes: [
            { by: IRINA, after: 120, text: 'Reached Elena after several attempts (she was on leave). Invoice errors come from the old rate card.' },
            { by: IRINA, after: 190, text: 'Rate card corrected in billing; credit note sent for the two wrong invoices.' },
          ] },
        },
        { email: 'd.popov@almaty-retail.example', score: 8, reason: 'Хорошая работа, но иногда сложно дозвониться до менеджера.', hoursAgo: d(107) },
        { email: 'emily.carter@bluecrest-logistics.example', score: 10, reason: 'Our account manager knows our business inside out.', hoursAgo: d(116) },
        {
          email: 'michael.brown@summit-mfg.example', score: 3, reason: 'Two of the last five placements left within a month.', suggestion: 'Screen candidates more carefully for shift work.', hoursAgo: d(112),
          followUp: { status: 'RESOLVED', contactedAfter: 6, resolvedAfter: 96, notes: [
            { by: JESSICA, after: 6, text: 'Call with Michael: both leavers were night-shift roles. Adding a shift-work screening call before placement.' },
          ] },
        },
        { email: 'sarah.davis@greenleaf-grocers.example', score: 9, reason: 'Great seasonal staffing support over the holidays.', suggestion: 'A simple online portal for timesheets would help.', hoursAgo: d(110) },
        { email: 'jennifer.moore@corelink-it.example', score: 7, reason: 'Solid candidates, but the process took longer than promised.', suggestion: 'Keep us updated weekly.', hoursAgo: d(106) },
        {
          email: 'robert.taylor@ironbridge-steel.example', score: 6, reason: 'Rates went up without much explanation.', hoursAgo: d(105),
          followUp: { status: 'RESOLVED', contactedAfter: 40, resolvedAfter: 60, notes: [
            { by: JESSICA, after: 40, text: 'Explained the new collective agreement behind the rate change; Robert accepted but prefers fewer surveys.' },
          ] },
        },
      ],
    },
    {
      name: `Customer NPS ${quarterOf(at(21))}`,
      audience: 'CUSTOMER',
      status: 'OPEN',
      openedDaysAgo: 21,
      closesDaysAgo: -30,
      relationship: 'customer',
      opened: ['sofie.hansen@kbh-retail.example'],
      answers: [
        { email: 'anna.kowalska@polmet.example', score: 10, reason: 'Po zmianach w komunikacji wszystko działa jak w zegarku.', hoursAgo: d(12) },
        { email: 'piotr.wisniewski@logis-pl.example', score: 8, reason: 'Obsada jest teraz potwierdzana dzień wcześniej, to duża poprawa.', suggestion: 'Jeszcze szybsze zastępstwa w weekendy.', hoursAgo: d(14) },
        {
          email: 't.lewandowski@bazar-sklepy.example', score: 3, reason: 'Pracownicy nie znali procedur BHP obowiązujących w naszych sklepach.', suggestion: 'Szkolenie BHP przed pierwszym dniem pracy.', hoursAgo: d(5),
          followUp: { status: 'OPEN', notes: [{ by: CX, after: 70, text: 'Escalated: past the SLA. Marta, please call Tomasz this week; the store manager is waiting.' }] },
        },
        {
          email: 'm.wojcik@softpol.example', score: 6, reason: 'Czekamy już trzy tygodnie na kandydata na stanowisko programisty.', suggestion: 'Częstsze informacje o postępach.', hoursAgo: 20,
          followUp: { status: 'OPEN' },
        },
        { email: 'maja.novak@alpetour.example', score: 9, reason: 'Hitra odzivnost in prijazna ekipa.', hoursAgo: d(15) },
        {
          email: 'nina.krajnc@zdravje-plus.example', score: 2, reason: 'Delavka je po dveh dneh odšla brez obvestila.', suggestion: 'Boljše preverjanje kandidatov pred napotitvijo.', hoursAgo: d(9),
          followUp: { status: 'CONTACTED', contactedAfter: 26, notes: [
            { by: MARTA, after: 26, text: 'Called Nina. The associate left because of a family emergency and did not tell us; a replacement starts on Monday.' },
          ] },
        },
        { email: 'mette.jensen@nordhavn-logistik.example', score: 9, reason: 'Stadig den bedste partner, vi har haft.', hoursAgo: d(10) },
        {
          email: 'lars.nielsen@fynsk-metal.example', score: 6, reason: 'Vikarerne kommer for sent på nattevagterne.', suggestion: 'Bedre planlægning af transport til nattevagter.', hoursAgo: d(7),
          followUp: { status: 'CONTACTED', contactedAfter: 18, notes: [
            { by: SOREN, after: 18, text: 'Talked to Lars: the last bus arrives 20 minutes after the shift starts.' },
            { by: SOREN, after: 50, text: 'Proposed a shared shuttle from the station; waiting for Fynsk Metal to confirm the cost split.' },
          ] },
        },
        { email: 'anders.pedersen@databy.example', score: 10, reason: 'Fantastisk match på vores nye udviklerstilling.', hoursAgo: d(3) },
        { email: 'a.smirnov@volga-trans.example', score: 7, reason: 'В целом хорошо, но хотелось бы больше кандидатов с опытом.', suggestion: 'Расширьте базу опытных водителей.', hoursAgo: d(11) },
        {
          email: 'e.kuznetsova@ural-service.example', score: 5, reason: 'Ошибки в счетах всё ещё повторяются.', suggestion: 'Назначьте одного ответственного за наши счета.', hoursAgo: d(4),
          followUp: { status: 'OPEN' },
        },
        { email: 'o.vasilyeva@minsk-soft.example', score: 9, reason: 'Отличные специалисты, быстро влились в команду.', hoursAgo: d(6) },
        { email: 'emily.carter@bluecrest-logistics.example', score: 9, reason: 'Consistently reliable, and the new weekly updates are great.', hoursAgo: d(13) },
        { email: 'michael.brown@summit-mfg.example', score: 8, reason: 'Much better retention since the last review.', suggestion: 'Keep the extra screening step.', hoursAgo: d(8) },
        {
          email: 'david.wilson@brightpath-health.example', score: 4, reason: 'Nobody returned my calls about the night shift nurses.', suggestion: 'A backup contact when the account manager is away.', hoursAgo: 50,
          followUp: { status: 'OPEN' },
        },
        {
          email: 'jennifer.moore@corelink-it.example', score: 6, reason: 'The two engineers were good, but onboarding paperwork was a mess.', suggestion: 'One checklist for all documents.', hoursAgo: d(12),
          followUp: { status: 'RESOLVED', contactedAfter: 4, resolvedAfter: 30, notes: [
            { by: JESSICA, after: 4, text: 'Sent Jennifer the new onboarding checklist and apologised for the duplicate forms.' },
          ] },
        },
      ],
    },
    {
      name: `Candidate experience ${now.getUTCFullYear()}`,
      audience: 'CANDIDATE',
      status: 'OPEN',
      openedDaysAgo: 45,
      closesDaysAgo: -45,
      relationship: 'candidate',
      ratings: [
        {
          criterion: 'communication',
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
          texts: {
            en: 'How satisfied are you with the speed of the process?',
            pl: 'Jak oceniasz tempo procesu rekrutacji?',
            da: 'Hvor tilfreds er du med forløbets hastighed?',
            ru: 'Насколько вы довольны скоростью процесса?',
            sl: 'Kako zadovoljni ste s hitrostjo postopka?',
          },
        },
      ],
      answers: [
        { email: 'jakub.mazur@mail.example', score: 9, reason: 'Rekruterka była bardzo pomocna i zawsze oddzwaniała.', ratings: { communication: 5, speed: 4 }, hoursAgo: d(30) },
        { email: 'freja.larsen@mail.example', score: 7, reason: 'God oplevelse, men der gik lang tid mellem samtalerne.', suggestion: 'Kortere ventetid mellem samtalerunderne.', ratings: { communication: 4, speed: 3 }, hoursAgo: d(25) },
        {
          email: 'ivan.morozov@mail.example', score: 3, reason: 'После собеседования мне так никто и не перезвонил.', suggestion: 'Сообщайте кандидатам о результате, даже если он отрицательный.', ratings: { communication: 2, speed: 2 }, hoursAgo: d(20),
          followUp: { status: 'RESOLVED', contactedAfter: 22, resolvedAfter: 26, notes: [
            { by: JULIA, after: 22, text: "Apologised to Ivan and passed on the client's interview feedback." },
            { by: JULIA, after: 26, text: 'New rule in the team: every candidate hears back within 5 working days, also when the answer is no.' },
          ] },
        },
        { email: 'ana.kovac@mail.example', score: 10, reason: 'Hiter in prijazen postopek, v enem tednu sem dobila službo.', ratings: { communication: 5, speed: 5 }, hoursAgo: d(18) },
      ],
    },
    {
      name: `Associate pulse ${now.getUTCFullYear()}`,
      audience: 'ASSOCIATE',
      status: 'OPEN',
      openedDaysAgo: 30,
      closesDaysAgo: -30,
      relationship: 'associate',
      opened: ['laura.bennett@mail.example'],
      answers: [
        { email: 'marek.dabrowski@mail.example', score: 8, reason: 'Dobra opieka koordynatora, wypłaty zawsze na czas.', suggestion: 'Więcej informacji o kolejnych projektach.', hoursAgo: d(26) },
        { email: 'jonas.kristensen@mail.example', score: 10, reason: 'Jeg føler mig godt taget imod både hos kunden og hos jer.', hoursAgo: d(24) },
        {
          email: 'sergey.volkov@mail.example', score: 5, reason: 'Никто не объяснил мне правила на объекте клиента.', suggestion: 'Проводите вводный инструктаж в первый день.', hoursAgo: d(12),
          followUp: { status: 'CONTACTED', contactedAfter: 30, notes: [
            { by: TOMAZ, after: 30, text: 'Met Sergey at the site; arranged a proper site induction with the client supervisor next week.' },
          ] },
        },
        { email: 'rok.kos@mail.example', score: 9, reason: 'Koordinator je vedno dosegljiv.', hoursAgo: d(20) },
      ],
    },
  ];
}

/** The outcome the seeder needs after its transaction: tokens of still-unanswered invitations in open waves. */
export interface SeededSurveys {
  pendingMail: { wave: WaveEntity; issued: IssuedToken[] }[];
}

export async function seedSurveys(
  tx: EntityManager,
  organizationId: string,
  users: Map<string, string>,
  units: Map<string, string>,
  now: Date,
): Promise<SeededSurveys> {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const contacts = new Map<string, ContactEntity>();
  for (const c of DEMO_CONTACTS) {
    const saved = await tx.save(
      ContactEntity,
      tx.create(ContactEntity, {
        organizationId,
        email: c.email,
        name: c.name,
        language: c.language,
        ownerId: users.get(c.owner)!,
        orgUnitId: units.get(c.unit)!,
        segments: c.segments,
        createdAt: ago(d(150)),
      }),
    );
    contacts.set(c.email, saved);
  }

  const pendingMail: SeededSurveys['pendingMail'] = [];
  for (const w of demoWaves(now).sort((a, b) => b.openedDaysAgo - a.openedDaysAgo)) {
    const languages = [...WAVE_LANGUAGES];
    const wave = await tx.save(
      WaveEntity,
      tx.create(WaveEntity, {
        organizationId,
        name: w.name,
        audience: w.audience,
        status: w.status,
        anonymous: false,
        languages,
        opensAt: ago(d(w.openedDaysAgo)),
        closesAt: ago(d(w.closesDaysAgo)),
        openedAt: ago(d(w.openedDaysAgo)),
        closedAt: w.status === 'CLOSED' ? ago(d(w.closesDaysAgo)) : null,
        createdBy: users.get(CX)!,
        createdAt: ago(d(w.openedDaysAgo + 3)),
      }),
    );
    const questions = [
      ...defaultQuestions(w.audience).map((q) => ({ kind: q.kind, criterion: null, texts: textsIn(q.texts, languages) })),
      ...(w.ratings ?? []).map((r) => ({ kind: 'RATING' as const, criterion: r.criterion, texts: r.texts })),
    ];
    const savedQuestions = await tx.save(
      WaveQuestionEntity,
      questions.map((q, i) => tx.create(WaveQuestionEntity, { waveId: wave.id, position: i + 1, ...q })),
    );

    // One customer unsubscribed after the previous customer wave, so the current one skips them.
    if (w.status !== 'CLOSED' && w.relationship === 'customer') {
      await tx.update(ContactEntity, { email: UNSUBSCRIBED.email, organizationId }, { unsubscribedAt: ago(d(UNSUBSCRIBED.daysAgo)) });
    }

    const invitedAt = ago(d(w.openedDaysAgo) - 2);
    const invited = await createInvitations(tx, {
      organizationId,
      waveId: wave.id,
      contactIds: DEMO_CONTACTS.filter((c) => c.relationship === w.relationship).map((c) => contacts.get(c.email)!.id),
      ownerId: null,
      throttleDays: 90,
      now: invitedAt,
    });
    await markSent(tx, invited.issued.map((i) => i.invitationId), invitedAt);
    const byContact = new Map(invited.issued.map((i) => [i.contactId, i]));

    for (const a of w.answers) {
      const contact = contacts.get(a.email)!;
      const invitation = byContact.get(contact.id)!;
      const submittedAt = ago(a.hoursAgo);
      const answer = validateAnswer(wave, savedQuestions, contact.language, {
        score: a.score,
        reason: a.reason,
        suggestion: a.suggestion ?? null,
        language: contact.language,
        ratings: Object.entries(a.ratings ?? {}).map(([criterion, value]) => ({ criterion, value })),
      });
      await tx.update(InvitationEntity, { id: invitation.invitationId }, { status: 'OPENED', openedAt: new Date(submittedAt.getTime() - 5 * 60_000) });
      const { followUpId } = await recordResponse(tx, {
        organizationId,
        wave,
        invitationId: invitation.invitationId,
        contactId: contact.id,
        answer,
        submittedAt,
        slaHours: 48,
        // The demo's history is not news: nobody is told of these detractors again at each start.
        publish: false,
      });
      byContact.delete(contact.id);
      if (followUpId && a.followUp) await seedFollowUp(tx, followUpId, submittedAt, a.followUp, users);
    }
    for (const email of w.opened ?? []) {
      const invitation = byContact.get(contacts.get(email)!.id);
      if (invitation) await tx.update(InvitationEntity, { id: invitation.invitationId }, { status: 'OPENED', openedAt: ago(d(2)) });
    }
    if (w.status === 'OPEN') pendingMail.push({ wave, issued: [...byContact.values()] });
  }
  return { pendingMail };
}

async function seedFollowUp(tx: EntityManager, id: string, answeredAt: Date, f: DemoFollowUp, users: Map<string, string>) {
  const after = (hours: number | undefined) => (hours === undefined ? null : new Date(answeredAt.getTime() + hours * HOUR));
  await tx.update(FollowUpEntity, { id }, { status: f.status, contactedAt: after(f.contactedAfter), resolvedAt: after(f.resolvedAfter) });
  for (const note of f.notes ?? []) {
    await tx.insert(FollowUpNoteEntity, { followUpId: id, authorId: users.get(note.by)!, text: note.text, createdAt: after(note.after)! });
  }
}

/**
 * For a demo on the outbox mailer: queues the invitation mails of the open waves' unanswered
 * invitations (a mail batch per wave, sent by the background job as any other), so the respondent
 * page can be tried from a real link. Not over SMTP: the demo addresses are made up.
 */
export async function mailDemoInvitations(app: AppServices, db: EntityManager, seeded: SeededSurveys): Promise<number> {
  if (app.mailer.kind !== 'outbox') return 0;
  let queued = 0;
  for (const { wave, issued } of seeded.pendingMail) {
    await db.transaction((tx) =>
      queueMail(tx, app, {
        organizationId: wave.organizationId,
        waveId: wave.id,
        kind: 'INVITATION',
        createdBy: null,
        invitations: issued.map((i) => ({ id: i.invitationId, contactId: i.contactId, mailKind: 'INVITATION' })),
        countReminders: false,
      }),
    );
    queued += issued.length;
  }
  return queued;
}
