import type { MailMessage } from '../../kernel/mailer.js';
import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { renderMail, type MailBlock } from './layout.js';

/**
 * The monthly programme news (issue 20, loop/news): what changed last month — improvements
 * implemented and their effect, awards, how many teams discussed their results, and a quote from a
 * "you said, we did" page — in the reader's language, with a link to the news page and to turn the
 * mail off.
 */
export interface NewsMailInput {
  to: string;
  name: string;
  language: string;
  organizationName: string;
  /** 'YYYY-MM' of the month covered. */
  month: string;
  implemented: { title: string; change: number | null; significant: boolean | null }[];
  awards: { category: string; winnerName: string }[];
  coverage: { held: number; teams: number; actions: number; done: number };
  quote: { waveName: string; title: string; description: string | null } | null;
  newsUrl: string;
  preferencesUrl: string;
}

interface Texts {
  subject: (month: string, org: string) => string;
  greeting: (name: string) => string;
  implemented: (n: number) => string;
  none: string;
  change: (c: string, significant: boolean | null) => string;
  awards: string;
  coverage: (held: number, teams: number, actions: number, done: number) => string;
  quote: (wave: string) => string;
  button: string;
  preferences: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    subject: (m, o) => `Programme news for ${m} — ${o}`,
    greeting: (n) => `Hello ${n},`,
    implemented: (n) => `${n} improvement${n === 1 ? '' : 's'} implemented:`,
    none: 'No improvement was implemented this month.',
    change: (c, s) => `NPS since: ${c}${s === null ? '' : s ? ' (significant)' : ' (within the margin of error)'}`,
    awards: 'Awards:',
    coverage: (h, t, a, d) => `${h} of ${t} teams discussed their results; ${a} actions agreed, ${d} done.`,
    quote: (w) => `You said, we did (${w}):`,
    button: 'Read the programme news',
    preferences: 'Turn this mail off in your preferences:',
  },
  pl: {
    subject: (m, o) => `Wiadomości z programu za ${m} — ${o}`,
    greeting: (n) => `Dzień dobry ${n},`,
    implemented: (n) => `Wdrożone usprawnienia: ${n}`,
    none: 'W tym miesiącu nie wdrożono żadnego usprawnienia.',
    change: (c, s) => `NPS od tego czasu: ${c}${s === null ? '' : s ? ' (istotnie)' : ' (w granicach błędu)'}`,
    awards: 'Nagrody:',
    coverage: (h, t, a, d) => `Zespoły, które omówiły wyniki: ${h} z ${t}; uzgodnione działania: ${a}, wykonane: ${d}.`,
    quote: (w) => `Wy powiedzieliście, my zrobiliśmy (${w}):`,
    button: 'Przeczytaj wiadomości z programu',
    preferences: 'Wyłącz tę wiadomość w ustawieniach:',
  },
  da: {
    subject: (m, o) => `Nyt fra programmet for ${m} — ${o}`,
    greeting: (n) => `Hej ${n},`,
    implemented: (n) => `Gennemførte forbedringer: ${n}`,
    none: 'Ingen forbedring blev gennemført denne måned.',
    change: (c, s) => `NPS siden: ${c}${s === null ? '' : s ? ' (signifikant)' : ' (inden for usikkerheden)'}`,
    awards: 'Priser:',
    coverage: (h, t, a, d) => `${h} af ${t} teams har drøftet deres resultater; ${a} handlinger aftalt, ${d} gennemført.`,
    quote: (w) => `I sagde, vi gjorde (${w}):`,
    button: 'Læs nyt fra programmet',
    preferences: 'Slå denne mail fra i dine indstillinger:',
  },
  ru: {
    subject: (m, o) => `Новости программы за ${m} — ${o}`,
    greeting: (n) => `Здравствуйте, ${n}!`,
    implemented: (n) => `Внедрённые улучшения: ${n}`,
    none: 'В этом месяце улучшений не внедряли.',
    change: (c, s) => `NPS с тех пор: ${c}${s === null ? '' : s ? ' (значимо)' : ' (в пределах погрешности)'}`,
    awards: 'Награды:',
    coverage: (h, t, a, d) => `Команды, обсудившие результаты: ${h} из ${t}; согласовано действий: ${a}, выполнено: ${d}.`,
    quote: (w) => `Вы сказали — мы сделали (${w}):`,
    button: 'Читать новости программы',
    preferences: 'Отключить это письмо в настройках:',
  },
  sl: {
    subject: (m, o) => `Novice programa za ${m} — ${o}`,
    greeting: (n) => `Pozdravljeni, ${n},`,
    implemented: (n) => `Uvedene izboljšave: ${n}`,
    none: 'Ta mesec ni bila uvedena nobena izboljšava.',
    change: (c, s) => `NPS od takrat: ${c}${s === null ? '' : s ? ' (značilno)' : ' (znotraj meje napake)'}`,
    awards: 'Nagrade:',
    coverage: (h, t, a, d) => `Ekipe, ki so se pogovorile o rezultatih: ${h} od ${t}; dogovorjeni ukrepi: ${a}, opravljeni: ${d}.`,
    quote: (w) => `Rekli ste, naredili smo (${w}):`,
    button: 'Preberite novice programa',
    preferences: 'To sporočilo izklopite v nastavitvah:',
  },
};

const signed = (n: number) => (n > 0 ? `+${Math.round(n)}` : String(Math.round(n)));

export function newsMail(input: NewsMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const subject = t.subject(input.month, input.organizationName);
  const blocks: MailBlock[] = [{ paragraph: t.greeting(input.name) }];
  if (input.implemented.length === 0) blocks.push({ paragraph: t.none });
  else {
    blocks.push({ title: t.implemented(input.implemented.length) });
    blocks.push({ note: input.implemented.map((i) => (i.change === null ? `• ${i.title}` : `• ${i.title} — ${t.change(signed(i.change), i.significant)}`)) });
  }
  if (input.awards.length) {
    blocks.push({ title: t.awards });
    blocks.push({ note: input.awards.map((a) => `• ${a.category}: ${a.winnerName}`) });
  }
  const c = input.coverage;
  if (c.teams > 0) blocks.push({ paragraph: t.coverage(c.held, c.teams, c.actions, c.done) });
  if (input.quote) {
    blocks.push({ title: t.quote(input.quote.waveName) });
    blocks.push({ boxed: input.quote.description ? `${input.quote.title} — ${input.quote.description}` : input.quote.title });
  }
  blocks.push({ button: { label: t.button, url: input.newsUrl } });
  blocks.push({ footer: { text: t.preferences, url: input.preferencesUrl } });
  const { text, html } = renderMail(lang, subject, blocks);
  return { to: input.to, subject, text, html, headers: { 'Content-Language': lang, 'X-Tandem-Notification': 'PROGRAMME_NEWS' } };
}
