import type { EntityManager } from 'typeorm';
import { rematchIdentifiedWave } from '../survey/themes/suggest.service.js';
import type { ThemeKeywordMap } from '../survey/themes/theme.entity.js';
import { themesOf } from '../survey/themes/theme.service.js';

interface DemoTheme {
  name: string;
  parent?: string;
  description: string;
  keywords: ThemeKeywordMap;
}

/**
 * The demo catalogue: service themes for customers, candidates and associates, workplace themes
 * for employees, with keywords in en, pl, da, ru and sl that the demo comments actually use.
 */
export const DEMO_THEMES: DemoTheme[] = [
  { name: 'Service', description: 'How we serve clients day to day', keywords: {} },
  {
    name: 'Price',
    description: 'Prices, rates and how they are explained',
    keywords: {
      en: ['price', 'rates', 'expensive', 'cost', 'fee'],
      pl: ['cena', 'drogo', 'stawka', 'koszt'],
      da: ['pris', 'dyr', 'omkostning'],
      ru: ['цена', 'дорого', 'стоимость', 'тариф'],
      sl: ['cena', 'drago', 'strošek'],
    },
  },
  {
    name: 'Speed of response',
    parent: 'Service',
    description: 'How quickly we react, fill positions and answer',
    keywords: {
      en: ['quick', 'fast', 'response time', 'waiting', 'took longer', 'slow response'],
      pl: ['szybko', 'szybsze', 'czekamy', 'czekać', 'reagujecie'],
      da: ['hurtig', 'hurtige svar', 'ventetid', 'lang tid'],
      ru: ['быстро', 'долго', 'ждать', 'перезвонил'],
      sl: ['hitro', 'hiter', 'odzivnost', 'čakamo', 'predolgo'],
    },
  },
  {
    name: 'Communication',
    parent: 'Service',
    description: 'Keeping clients and candidates informed',
    keywords: {
      en: ['communication', 'updates', 'updated', 'returned my calls', 'call back', 'informed'],
      pl: ['komunikacja', 'informacje', 'oddzwaniać', 'kontakt'],
      da: ['kommunikation', 'information', 'besked'],
      ru: ['общение', 'сообщайте', 'информация', 'дозвониться'],
      sl: ['komunikacija', 'obvestilo', 'dosegljivi', 'telefon'],
    },
  },
  {
    name: 'Account manager',
    parent: 'Service',
    description: 'The consultant, recruiter or coordinator who owns the relationship',
    keywords: {
      en: ['account manager', 'consultant', 'recruiter', 'backup contact'],
      pl: ['opiekun', 'koordynator', 'opieka'],
      da: ['konsulent', 'kundeansvarlig'],
      ru: ['менеджер', 'ответственный'],
      sl: ['skrbnik', 'svetovalec'],
    },
  },
  {
    name: 'Replacements',
    parent: 'Service',
    description: 'Covering a shift when a placed worker is ill, leaves or does not show up',
    keywords: {
      en: ['replacement', 'backup', 'cover', 'no-show'],
      pl: ['zastępstwo', 'zastępstwa', 'nie pojawili', 'obsada'],
      da: ['erstatning', 'afløser', 'kommer for sent'],
      ru: ['замена', 'замену'],
      sl: ['nadomestni', 'zamenjava', 'nadomestilo'],
    },
  },
  {
    name: 'Candidate quality',
    description: 'The people we place: fit, skills, reliability, retention',
    keywords: {
      en: ['candidates', 'placements', 'screening', 'retention', 'engineers'],
      pl: ['kandydat', 'dobrani', 'pracownicy'],
      da: ['kandidat', 'match', 'vikar', 'medarbejdere'],
      ru: ['кандидат', 'специалисты', 'водителей'],
      sl: ['kandidat', 'delavec', 'delavka'],
    },
  },
  {
    name: 'Onboarding',
    description: 'Introduction, safety training and paperwork before the first day',
    keywords: {
      en: ['onboarding', 'introduction', 'paperwork', 'training', 'first day'],
      pl: ['wdrożenie', 'szkolenie', 'procedury', 'BHP', 'pierwszy dzień'],
      da: ['introduktion', 'oplæring', 'første arbejdsdag', 'første dag'],
      ru: ['адаптация', 'обучение', 'первый день'],
      sl: ['uvajanje', 'usposabljanje', 'prvi dan'],
    },
  },
  {
    name: 'Invoicing',
    description: 'Invoices, timesheets and payments',
    keywords: {
      en: ['invoice', 'invoicing', 'billing', 'timesheets'],
      pl: ['faktura', 'rozliczenie', 'wypłaty'],
      da: ['faktura', 'fakturering', 'timeseddel'],
      ru: ['счёт', 'счета', 'оплата'],
      sl: ['račun', 'fakturiranje', 'plačilo'],
    },
  },
  { name: 'Workplace', description: 'Working at our company (employee surveys)', keywords: {} },
  {
    name: 'Career growth',
    parent: 'Workplace',
    description: 'Learning, development and a path to the next role',
    keywords: {
      en: ['career', 'development', 'next role', 'learn'],
      pl: ['ścieżka rozwoju', 'rozwój', 'awans', 'rozwojowe'],
      da: ['karriere', 'karrierevej', 'udvikling', 'udviklingssamtaler', 'lærer'],
      ru: ['карьерный рост', 'развитие', 'карьера', 'должность'],
      sl: ['kariera', 'razvoj', 'napredovanje', 'naslednje vloge'],
    },
  },
  {
    name: 'Workload',
    parent: 'Workplace',
    description: 'How much work there is and how it is planned',
    keywords: {
      en: ['workload', 'too much work', 'overtime', 'open positions', 'priorities'],
      pl: ['za dużo pracy', 'obciążenie', 'nadgodziny', 'priorytety'],
      da: ['arbejdspres', 'arbejdsbyrde', 'prioriteter'],
      ru: ['нагрузка', 'переработки', 'приоритеты'],
      sl: ['obremenitev', 'preobremenjenost', 'nadure', 'prioritete'],
    },
  },
  {
    name: 'Management',
    parent: 'Workplace',
    description: 'Leadership, decisions and how managers listen',
    keywords: {
      en: ['leadership', 'decisions', 'a manager', 'the manager', 'line manager'],
      pl: ['przełożony', 'kierownictwo', 'decyzje'],
      da: ['leder', 'ledelse', 'beslutninger'],
      ru: ['руководитель', 'руководство', 'решения'],
      sl: ['vodja', 'vodstvo', 'odločitve'],
    },
  },
  {
    name: 'Team and colleagues',
    parent: 'Workplace',
    description: 'Working together: the team, colleagues, helping each other',
    keywords: {
      en: ['team', 'colleagues', 'people help'],
      pl: ['zespół', 'współpracownicy', 'ludzie pomagają'],
      da: ['team', 'kolleger', 'kollegerne'],
      ru: ['команда', 'коллеги'],
      sl: ['ekipa', 'sodelavci'],
    },
  },
  {
    name: 'Pay',
    parent: 'Workplace',
    description: 'Salaries and benefits',
    keywords: {
      en: ['salary', 'salaries', 'pay'],
      pl: ['wynagrodzenie', 'płace', 'płacowe'],
      da: ['løn', 'lønnen', 'lønintervaller'],
      ru: ['зарплата', 'зарплатные'],
      sl: ['plača', 'plačni'],
    },
  },
];

/** The demo themes' names in the other four languages (readers see them in their own). */
const NAMES: Record<string, Record<string, string>> = {
  Service: { pl: 'Obsługa', da: 'Service', ru: 'Обслуживание', sl: 'Storitev' },
  Price: { pl: 'Cena', da: 'Pris', ru: 'Цена', sl: 'Cena' },
  'Speed of response': { pl: 'Szybkość reakcji', da: 'Svartid', ru: 'Скорость ответа', sl: 'Hitrost odziva' },
  Communication: { pl: 'Komunikacja', da: 'Kommunikation', ru: 'Коммуникация', sl: 'Komunikacija' },
  'Account manager': { pl: 'Opiekun klienta', da: 'Kundeansvarlig', ru: 'Менеджер клиента', sl: 'Skrbnik stranke' },
  Replacements: { pl: 'Zastępstwa', da: 'Erstatninger', ru: 'Замены', sl: 'Nadomestila' },
  'Candidate quality': { pl: 'Jakość kandydatów', da: 'Kandidaternes kvalitet', ru: 'Качество кандидатов', sl: 'Kakovost kandidatov' },
  Onboarding: { pl: 'Wdrożenie', da: 'Onboarding', ru: 'Адаптация', sl: 'Uvajanje' },
  Invoicing: { pl: 'Fakturowanie', da: 'Fakturering', ru: 'Выставление счетов', sl: 'Fakturiranje' },
  Workplace: { pl: 'Miejsce pracy', da: 'Arbejdsplads', ru: 'Место работы', sl: 'Delovno mesto' },
  'Career growth': { pl: 'Rozwój kariery', da: 'Karriereudvikling', ru: 'Карьерный рост', sl: 'Karierni razvoj' },
  Workload: { pl: 'Obciążenie pracą', da: 'Arbejdsbyrde', ru: 'Нагрузка', sl: 'Obremenitev' },
  Management: { pl: 'Zarządzanie', da: 'Ledelse', ru: 'Руководство', sl: 'Vodenje' },
  'Team and colleagues': { pl: 'Zespół i współpracownicy', da: 'Team og kolleger', ru: 'Команда и коллеги', sl: 'Ekipa in sodelavci' },
  Pay: { pl: 'Wynagrodzenie', da: 'Løn', ru: 'Оплата труда', sl: 'Plača' },
};

/** The workplace themes are about employees; the others about customers, candidates and associates. */
const audiencesOf = (t: DemoTheme): string[] =>
  t.name === 'Workplace' || t.parent === 'Workplace' ? ['EMPLOYEE'] : ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'];

/**
 * Seeds the catalogue, runs the matcher over every demo wave (identified responses get
 * suggestions, employee answers their theme rows), and accepts the suggestions of the commented
 * responses of identified waves older than two weeks — detractors, passives and promoters alike, so
 * the theme results count every category (accepting only scores 0–4 and 9–10 left every theme with
 * 0 passives) — while the last two weeks' suggestions wait in the tagging queue.
 */
export async function seedThemes(tx: EntityManager, organizationId: string, now: Date): Promise<void> {
  const ids = new Map<string, string>();
  for (const t of DEMO_THEMES) {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO themes (organization_id, name, description, parent_id, keywords, created_at, updated_at, name_translations, audiences)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6, $7::jsonb, $8::text[]) RETURNING id`,
      [organizationId, t.name, t.description, t.parent ? ids.get(t.parent)! : null, JSON.stringify(t.keywords), now, JSON.stringify(NAMES[t.name] ?? {}), audiencesOf(t)],
    );
    ids.set(t.name, row.id);
  }
  const themes = await themesOf(tx, organizationId);
  // Employee waves count their themes when released (seedEmployeeReleases), from a frozen catalogue.
  const waves: { id: string }[] = await tx.query(`SELECT id FROM waves WHERE organization_id = $1 AND audience <> 'EMPLOYEE'`, [organizationId]);
  for (const wave of waves) await rematchIdentifiedWave(tx, organizationId, wave.id, themes, now);
  await tx.query(
    `UPDATE response_themes rt SET status = 'ACCEPTED', tagged_at = $2
       FROM responses r
      WHERE rt.response_id = r.id AND r.organization_id = $1 AND rt.status = 'SUGGESTED' AND r.submitted_at < $3`,
    [organizationId, now, new Date(now.getTime() - 14 * 24 * 3600_000)],
  );
}
