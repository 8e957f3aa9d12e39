import type { MailMessage } from '../../kernel/mailer.js';
import { renderMail } from './layout.js';

/** The languages the respondent's mail and page ship in (PRODUCT.md section 3). */
export const MAIL_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

interface Texts {
  subject: (wave: string) => string;
  reminderSubject: (wave: string) => string;
  greeting: (name: string) => string;
  intro: string;
  reminderIntro: string;
  button: string;
  personal: string;
  thanks: string;
  unsubscribe: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    subject: (title) => `Your opinion matters: ${title}`,
    reminderSubject: (title) => `Reminder: ${title}`,
    greeting: (name) => `Hello ${name},`,
    intro:
      'We would like to hear how we are doing. Answering takes about a minute: one question on a scale from 0 to 10 and, if you like, a few words.',
    reminderIntro: 'A quick reminder about our short survey: your answer still means a lot to us, and it takes about a minute.',
    button: 'Answer the survey',
    personal: 'This link is personal; please do not forward it.',
    thanks: 'Thank you,',
    unsubscribe: 'Do not want to receive these surveys? Unsubscribe:',
  },
  pl: {
    subject: (title) => `Twoja opinia jest dla nas ważna: ${title}`,
    reminderSubject: (title) => `Przypomnienie: ${title}`,
    greeting: (name) => `Dzień dobry ${name},`,
    intro:
      'chcielibyśmy wiedzieć, jak oceniasz współpracę z nami. Odpowiedź zajmie około minuty: jedno pytanie w skali od 0 do 10 i, jeśli zechcesz, kilka słów komentarza.',
    reminderIntro: 'przypominamy o naszej krótkiej ankiecie: Twoja odpowiedź wciąż wiele dla nas znaczy, a zajmie tylko około minuty.',
    button: 'Wypełnij ankietę',
    personal: 'Link jest osobisty, prosimy nie przekazywać go dalej.',
    thanks: 'Dziękujemy,',
    unsubscribe: 'Nie chcesz otrzymywać takich ankiet? Wypisz się:',
  },
  da: {
    subject: (title) => `Din mening betyder noget: ${title}`,
    reminderSubject: (title) => `Påmindelse: ${title}`,
    greeting: (name) => `Hej ${name},`,
    intro:
      'Vi vil gerne høre, hvordan vi klarer os. Det tager cirka et minut at svare: ét spørgsmål på en skala fra 0 til 10 og, hvis du har lyst, et par ord.',
    reminderIntro: 'En venlig påmindelse om vores korte undersøgelse: dit svar betyder stadig meget for os, og det tager kun cirka et minut.',
    button: 'Besvar undersøgelsen',
    personal: 'Linket er personligt; videresend det venligst ikke.',
    thanks: 'Tak,',
    unsubscribe: 'Vil du ikke modtage disse undersøgelser? Afmeld her:',
  },
  ru: {
    subject: (title) => `Нам важно ваше мнение: ${title}`,
    reminderSubject: (title) => `Напоминание: ${title}`,
    greeting: (name) => `Здравствуйте, ${name}!`,
    intro:
      'Мы хотим узнать, насколько хорошо мы работаем. Ответ займёт около минуты: один вопрос по шкале от 0 до 10 и, если захотите, несколько слов.',
    reminderIntro: 'Напоминаем о нашем коротком опросе: ваш ответ по-прежнему очень важен для нас и займёт всего около минуты.',
    button: 'Пройти опрос',
    personal: 'Это персональная ссылка, пожалуйста, не пересылайте её.',
    thanks: 'Спасибо,',
    unsubscribe: 'Не хотите получать такие опросы? Отписаться:',
  },
  sl: {
    subject: (title) => `Vaše mnenje nam veliko pomeni: ${title}`,
    reminderSubject: (title) => `Opomnik: ${title}`,
    greeting: (name) => `Pozdravljeni, ${name},`,
    intro:
      'radi bi izvedeli, kako nam gre. Odgovor vam bo vzel približno minuto: eno vprašanje na lestvici od 0 do 10 in, če želite, nekaj besed.',
    reminderIntro: 'prijazno vas spominjamo na našo kratko anketo: vaš odgovor nam še vedno veliko pomeni, vzel pa vam bo le približno minuto.',
    button: 'Izpolnite anketo',
    personal: 'Povezava je osebna, zato je prosimo ne posredujte naprej.',
    thanks: 'Hvala,',
    unsubscribe: 'Ne želite več prejemati teh anket? Odjava:',
  },
};

/** The contact's language when the mail ships in it, otherwise English. */
export function mailLanguage(language: string | null | undefined): MailLanguage {
  const code = (language ?? '').toLowerCase().slice(0, 2);
  return (MAIL_LANGUAGES as readonly string[]).includes(code) ? (code as MailLanguage) : 'en';
}


export interface InvitationMailInput {
  to: string;
  name: string;
  /** The respondent's language, already chosen by respondentLanguage (waves/respondent-language.ts). */
  language: string;
  /** The wave's public title in that language (publicTitleIn), never its internal name. */
  title: string;
  organizationName: string;
  surveyUrl: string;
  unsubscribeUrl: string;
  reminder: boolean;
}

/** The invitation (or reminder) to one wave, in the respondent's language (the same as their survey page), with the survey and unsubscribe links. */
export function invitationMail(input: InvitationMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const intro = input.reminder ? t.reminderIntro : t.intro;
  const subject = input.reminder ? t.reminderSubject(input.title) : t.subject(input.title);
  const { text, html } = renderMail(lang, subject, [
    { paragraph: t.greeting(input.name) },
    { paragraph: intro },
    { button: { label: t.button, url: input.surveyUrl } },
    { note: [t.personal] },
    { signature: [t.thanks, input.organizationName] },
    { footer: { text: t.unsubscribe, url: input.unsubscribeUrl } },
  ]);
  return {
    to: input.to,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${input.unsubscribeUrl}>`, 'Content-Language': lang },
  };
}
