import type { MailMessage } from '../../kernel/mailer.js';
import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { localMoment } from './notification-mail.js';
import { renderMail, type MailBlock } from './layout.js';

/**
 * The feed's digest (issue 19): a user's daily or weekly mail, in their language — the new
 * comments in what they follow, the detractors still waiting, their NPS this period beside the
 * last (with whether the change is significant), one link to the feed and a one-click unsubscribe.
 */

export interface DigestComment {
  contactName: string | null;
  score: number;
  text: string;
  at: Date;
}

export interface DigestMailInput {
  to: string;
  name: string;
  language: string;
  organizationName: string;
  frequency: 'DAILY' | 'WEEKLY';
  comments: DigestComment[];
  commentCount: number;
  waiting: { contactName: string | null; score: number }[];
  waitingCount: number;
  nps: { current: number | null; previous: number | null; answers: number; change: number | null; significant: boolean | null };
  feedUrl: string;
  unsubscribeUrl: string;
  timeZone: string;
}

interface Texts {
  subject: (daily: boolean, org: string) => string;
  greeting: (name: string) => string;
  comments: (n: number) => string;
  noComments: string;
  more: (n: number) => string;
  waiting: (n: number) => string;
  noWaiting: string;
  nps: (daily: boolean, current: string, previous: string, answers: number) => string;
  significant: string;
  notSignificant: string;
  button: string;
  someone: string;
  unsubscribe: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    subject: (d, o) => `Your ${d ? 'daily' : 'weekly'} feedback digest — ${o}`,
    greeting: (n) => `Hello ${n},`,
    comments: (n) => `${n} new comment${n === 1 ? '' : 's'} in what you follow:`,
    noComments: 'No new comments in what you follow.',
    more: (n) => `…and ${n} more in your feed.`,
    waiting: (n) => `${n} detractor${n === 1 ? ' is' : 's are'} still waiting for a first reaction:`,
    noWaiting: 'No detractor is waiting for a reaction.',
    nps: (d, c, p, a) => `Your NPS ${d ? 'today' : 'this week'}: ${c} (${d ? 'the day before' : 'last week'}: ${p}), from ${a} answers.`,
    significant: 'The change is statistically significant.',
    notSignificant: 'The change is within the margin of error.',
    button: 'Open your feed',
    someone: 'A customer',
    unsubscribe: 'Stop these digests with one click:',
  },
  pl: {
    subject: (d, o) => `Twoje ${d ? 'dzienne' : 'tygodniowe'} podsumowanie opinii — ${o}`,
    greeting: (n) => `Dzień dobry ${n},`,
    comments: (n) => `Nowe komentarze w tym, co obserwujesz: ${n}`,
    noComments: 'Brak nowych komentarzy w tym, co obserwujesz.',
    more: (n) => `…i ${n} więcej w Twoim kanale.`,
    waiting: (n) => `Krytycy wciąż czekający na pierwszą reakcję: ${n}`,
    noWaiting: 'Żaden krytyk nie czeka na reakcję.',
    nps: (d, c, p, a) => `Twój NPS ${d ? 'dziś' : 'w tym tygodniu'}: ${c} (${d ? 'dzień wcześniej' : 'poprzedni tydzień'}: ${p}), z ${a} odpowiedzi.`,
    significant: 'Zmiana jest istotna statystycznie.',
    notSignificant: 'Zmiana mieści się w granicach błędu.',
    button: 'Otwórz swój kanał',
    someone: 'Klient',
    unsubscribe: 'Wyłącz te podsumowania jednym kliknięciem:',
  },
  da: {
    subject: (d, o) => `Dit ${d ? 'daglige' : 'ugentlige'} feedback-overblik — ${o}`,
    greeting: (n) => `Hej ${n},`,
    comments: (n) => `Nye kommentarer i det, du følger: ${n}`,
    noComments: 'Ingen nye kommentarer i det, du følger.',
    more: (n) => `…og ${n} mere i dit feed.`,
    waiting: (n) => `Kritikere, der stadig venter på en første reaktion: ${n}`,
    noWaiting: 'Ingen kritiker venter på en reaktion.',
    nps: (d, c, p, a) => `Din NPS ${d ? 'i dag' : 'denne uge'}: ${c} (${d ? 'dagen før' : 'sidste uge'}: ${p}), ud fra ${a} svar.`,
    significant: 'Ændringen er statistisk signifikant.',
    notSignificant: 'Ændringen ligger inden for den statistiske usikkerhed.',
    button: 'Åbn dit feed',
    someone: 'En kunde',
    unsubscribe: 'Stop disse overblik med ét klik:',
  },
  ru: {
    subject: (d, o) => `Ваша ${d ? 'ежедневная' : 'еженедельная'} сводка отзывов — ${o}`,
    greeting: (n) => `Здравствуйте, ${n}!`,
    comments: (n) => `Новые комментарии в том, за чем вы следите: ${n}`,
    noComments: 'Новых комментариев в том, за чем вы следите, нет.',
    more: (n) => `…и ещё ${n} в вашей ленте.`,
    waiting: (n) => `Критики, всё ещё ждущие первой реакции: ${n}`,
    noWaiting: 'Ни один критик не ждёт реакции.',
    nps: (d, c, p, a) => `Ваш NPS ${d ? 'сегодня' : 'за эту неделю'}: ${c} (${d ? 'днём ранее' : 'прошлая неделя'}: ${p}), по ${a} ответам.`,
    significant: 'Изменение статистически значимо.',
    notSignificant: 'Изменение в пределах погрешности.',
    button: 'Открыть ленту',
    someone: 'Клиент',
    unsubscribe: 'Отключить эти сводки одним щелчком:',
  },
  sl: {
    subject: (d, o) => `Vaš ${d ? 'dnevni' : 'tedenski'} povzetek odzivov — ${o}`,
    greeting: (n) => `Pozdravljeni, ${n},`,
    comments: (n) => `Novi komentarji v tem, kar spremljate: ${n}`,
    noComments: 'Ni novih komentarjev v tem, kar spremljate.',
    more: (n) => `…in še ${n} v vašem viru.`,
    waiting: (n) => `Kritiki, ki še čakajo na prvi odziv: ${n}`,
    noWaiting: 'Noben kritik ne čaka na odziv.',
    nps: (d, c, p, a) => `Vaš NPS ${d ? 'danes' : 'ta teden'}: ${c} (${d ? 'dan prej' : 'prejšnji teden'}: ${p}), iz ${a} odgovorov.`,
    significant: 'Sprememba je statistično značilna.',
    notSignificant: 'Sprememba je znotraj meje napake.',
    button: 'Odprite svoj vir',
    someone: 'Stranka',
    unsubscribe: 'Izklopite te povzetke z enim klikom:',
  },
};

const npsText = (value: number | null) => (value === null ? '–' : String(Math.round(value)));

export function digestMail(input: DigestMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const daily = input.frequency === 'DAILY';
  const subject = t.subject(daily, input.organizationName);
  const blocks: MailBlock[] = [{ paragraph: t.greeting(input.name) }];
  if (input.commentCount === 0) blocks.push({ paragraph: t.noComments });
  else {
    blocks.push({ title: t.comments(input.commentCount) });
    for (const c of input.comments) {
      blocks.push({ boxed: `${c.contactName?.trim() || t.someone} (${c.score}/10, ${localMoment(c.at, lang, input.timeZone)}): “${c.text}”` });
    }
    if (input.commentCount > input.comments.length) blocks.push({ paragraph: t.more(input.commentCount - input.comments.length) });
  }
  if (input.waitingCount === 0) blocks.push({ paragraph: t.noWaiting });
  else {
    blocks.push({ title: t.waiting(input.waitingCount) });
    blocks.push({ note: input.waiting.map((w) => `${w.contactName?.trim() || t.someone} (${w.score}/10)`) });
  }
  const n = input.nps;
  blocks.push({ paragraph: t.nps(daily, npsText(n.current), npsText(n.previous), n.answers) });
  if (n.significant !== null) blocks.push({ paragraph: n.significant ? t.significant : t.notSignificant });
  blocks.push({ button: { label: t.button, url: input.feedUrl } });
  blocks.push({ footer: { text: t.unsubscribe, url: input.unsubscribeUrl } });
  const { text, html } = renderMail(lang, subject, blocks);
  return {
    to: input.to,
    subject,
    text,
    html,
    headers: { 'Content-Language': lang, 'X-Tandem-Notification': 'DIGEST', 'List-Unsubscribe': `<${input.unsubscribeUrl}>` },
  };
}
