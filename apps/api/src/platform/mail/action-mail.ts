import type { MailMessage } from '../../kernel/mailer.js';
import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { renderMail } from './layout.js';

/**
 * The reminders of a team's agreed action (issue 20, loop/discussions): to its owner a few days
 * before the due date, and to the CX team once the date has passed and it is still open. In the
 * reader's language.
 */
export interface ActionMailInput {
  kind: 'DUE_SOON' | 'OVERDUE';
  to: string;
  name: string;
  language: string;
  organizationName: string;
  title: string;
  teamName: string;
  waveName: string;
  /** 'YYYY-MM-DD' */
  dueDate: string;
  ownerName: string | null;
  url: string;
  preferencesUrl: string;
}

interface Texts {
  greeting: (name: string) => string;
  soonSubject: (title: string) => string;
  soonIntro: (title: string, team: string, wave: string, due: string) => string;
  overdueSubject: (title: string) => string;
  overdueIntro: (title: string, team: string, wave: string, due: string, owner: string) => string;
  button: string;
  nobody: string;
  preferences: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    greeting: (n) => `Hello ${n},`,
    soonSubject: (t) => `Due soon: ${t}`,
    soonIntro: (t, team, w, d) => `The action “${t}”, agreed by ${team} after ${w}, is due on ${d}. You own it.`,
    overdueSubject: (t) => `Overdue: ${t}`,
    overdueIntro: (t, team, w, d, o) => `The action “${t}”, agreed by ${team} after ${w}, was due on ${d} and is still open. Owner: ${o}.`,
    button: 'Open the action',
    nobody: 'nobody',
    preferences: 'Choose which mails you get:',
  },
  pl: {
    greeting: (n) => `Dzień dobry ${n},`,
    soonSubject: (t) => `Wkrótce termin: ${t}`,
    soonIntro: (t, team, w, d) => `Działanie „${t}”, uzgodnione przez zespół ${team} po badaniu ${w}, ma termin ${d}. Jesteś jego właścicielem.`,
    overdueSubject: (t) => `Po terminie: ${t}`,
    overdueIntro: (t, team, w, d, o) => `Działanie „${t}”, uzgodnione przez zespół ${team} po badaniu ${w}, miało termin ${d} i wciąż jest otwarte. Właściciel: ${o}.`,
    button: 'Otwórz działanie',
    nobody: 'brak',
    preferences: 'Wybierz, jakie wiadomości otrzymujesz:',
  },
  da: {
    greeting: (n) => `Hej ${n},`,
    soonSubject: (t) => `Snart frist: ${t}`,
    soonIntro: (t, team, w, d) => `Handlingen “${t}”, aftalt af ${team} efter ${w}, har frist ${d}. Du er ansvarlig.`,
    overdueSubject: (t) => `Overskredet: ${t}`,
    overdueIntro: (t, team, w, d, o) => `Handlingen “${t}”, aftalt af ${team} efter ${w}, havde frist ${d} og er stadig åben. Ansvarlig: ${o}.`,
    button: 'Åbn handlingen',
    nobody: 'ingen',
    preferences: 'Vælg, hvilke mails du får:',
  },
  ru: {
    greeting: (n) => `Здравствуйте, ${n}!`,
    soonSubject: (t) => `Скоро срок: ${t}`,
    soonIntro: (t, team, w, d) => `Действие «${t}», согласованное командой ${team} после опроса ${w}, нужно выполнить до ${d}. Вы — ответственный.`,
    overdueSubject: (t) => `Просрочено: ${t}`,
    overdueIntro: (t, team, w, d, o) => `Действие «${t}», согласованное командой ${team} после опроса ${w}, нужно было выполнить до ${d}, и оно всё ещё открыто. Ответственный: ${o}.`,
    button: 'Открыть действие',
    nobody: 'никто',
    preferences: 'Выберите, какие письма получать:',
  },
  sl: {
    greeting: (n) => `Pozdravljeni, ${n},`,
    soonSubject: (t) => `Kmalu rok: ${t}`,
    soonIntro: (t, team, w, d) => `Ukrep »${t}«, ki ga je ekipa ${team} dogovorila po anketi ${w}, ima rok ${d}. Vi ste odgovorni.`,
    overdueSubject: (t) => `Zamuja: ${t}`,
    overdueIntro: (t, team, w, d, o) => `Ukrep »${t}«, ki ga je ekipa ${team} dogovorila po anketi ${w}, je imel rok ${d} in je še odprt. Odgovorni: ${o}.`,
    button: 'Odpri ukrep',
    nobody: 'nihče',
    preferences: 'Izberite, katera sporočila prejemate:',
  },
};

const LOCALES: Record<MailLanguage, string> = { en: 'en-GB', pl: 'pl-PL', da: 'da-DK', ru: 'ru-RU', sl: 'sl-SI' };
const dayText = (day: string, lang: MailLanguage) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

export function actionMail(input: ActionMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const due = dayText(input.dueDate, lang);
  const soon = input.kind === 'DUE_SOON';
  const subject = soon ? t.soonSubject(input.title) : t.overdueSubject(input.title);
  const intro = soon ? t.soonIntro(input.title, input.teamName, input.waveName, due) : t.overdueIntro(input.title, input.teamName, input.waveName, due, input.ownerName ?? t.nobody);
  const { text, html } = renderMail(lang, subject, [
    { paragraph: t.greeting(input.name) },
    { paragraph: intro },
    { button: { label: t.button, url: input.url } },
    { footer: { text: t.preferences, url: input.preferencesUrl } },
  ]);
  return { to: input.to, subject, text, html, headers: { 'Content-Language': lang, 'X-Tandem-Notification': `ACTION_${input.kind}` } };
}
