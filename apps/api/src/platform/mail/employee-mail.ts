import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { renderMail } from './layout.js';
import type { MailMessage } from '../../kernel/mailer.js';

/**
 * The invitation (and reminder) to an anonymous employee survey, in the employee's language. It
 * says plainly what anonymity means here: the answer is stored without the name, the link or the
 * time, and results are shown only for groups of at least k colleagues. There is no unsubscribe
 * link: employee surveys are part of work, and opting out would show up on the roster.
 */

interface Texts {
  subject: (wave: string) => string;
  reminderSubject: (wave: string) => string;
  greeting: (name: string) => string;
  intro: string;
  reminderIntro: string;
  button: string;
  anonymous: (k: number) => string;
  personal: string;
  thanks: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    subject: (wave) => `Anonymous employee survey: ${wave}`,
    reminderSubject: (wave) => `Reminder: ${wave} (anonymous)`,
    greeting: (name) => `Hello ${name},`,
    intro:
      'How do you feel about working here? Please take a minute for our short employee survey: one question on a scale from 0 to 10 and, if you like, a few words.',
    reminderIntro:
      "A friendly reminder about our anonymous employee survey. If you have not answered yet, it takes about a minute; if you already have, thank you, and please ignore this message.",
    button: 'Answer the survey',
    anonymous: (k) =>
      `Your answer is anonymous. It is stored without your name, without this link and without the time you answered, and nobody (not your manager, not HR) can see who answered or what one person said. Results are shown only for groups of at least ${k} people.`,
    personal: 'The link is yours alone so that each person answers once; please do not forward it.',
    thanks: 'Thank you,',
  },
  pl: {
    subject: (wave) => `Anonimowa ankieta pracownicza: ${wave}`,
    reminderSubject: (wave) => `Przypomnienie: ${wave} (anonimowa)`,
    greeting: (name) => `Dzień dobry ${name},`,
    intro:
      'jak oceniasz pracę u nas? Poświęć minutę na krótką ankietę pracowniczą: jedno pytanie w skali od 0 do 10 i, jeśli zechcesz, kilka słów komentarza.',
    reminderIntro:
      'przypominamy o naszej anonimowej ankiecie pracowniczej. Jeśli jeszcze nie odpowiedziałeś/aś, zajmie to około minuty; jeśli już tak, dziękujemy i prosimy zignorować tę wiadomość.',
    button: 'Wypełnij ankietę',
    anonymous: (k) =>
      `Twoja odpowiedź jest anonimowa. Zapisujemy ją bez Twojego imienia i nazwiska, bez tego linku i bez godziny odpowiedzi, a nikt (ani przełożony, ani dział HR) nie zobaczy, kto odpowiedział ani co napisała konkretna osoba. Wyniki pokazujemy tylko dla grup liczących co najmniej ${k} osób.`,
    personal: 'Link jest przeznaczony tylko dla Ciebie, aby każdy mógł odpowiedzieć raz; prosimy nie przekazywać go dalej.',
    thanks: 'Dziękujemy,',
  },
  da: {
    subject: (wave) => `Anonym medarbejderundersøgelse: ${wave}`,
    reminderSubject: (wave) => `Påmindelse: ${wave} (anonym)`,
    greeting: (name) => `Hej ${name},`,
    intro:
      'Hvordan er det at arbejde her? Brug et minut på vores korte medarbejderundersøgelse: ét spørgsmål på en skala fra 0 til 10 og, hvis du har lyst, et par ord.',
    reminderIntro:
      'En venlig påmindelse om vores anonyme medarbejderundersøgelse. Hvis du ikke har svaret endnu, tager det cirka et minut; hvis du allerede har svaret, tak, og se bort fra denne besked.',
    button: 'Besvar undersøgelsen',
    anonymous: (k) =>
      `Dit svar er anonymt. Det gemmes uden dit navn, uden dette link og uden tidspunktet for dit svar, og ingen (hverken din leder eller HR) kan se, hvem der har svaret, eller hvad den enkelte har skrevet. Resultater vises kun for grupper på mindst ${k} personer.`,
    personal: 'Linket er kun til dig, så hver person svarer én gang; videresend det venligst ikke.',
    thanks: 'Tak,',
  },
  ru: {
    subject: (wave) => `Анонимный опрос сотрудников: ${wave}`,
    reminderSubject: (wave) => `Напоминание: ${wave} (анонимно)`,
    greeting: (name) => `Здравствуйте, ${name}!`,
    intro:
      'Как вам работается у нас? Уделите минуту короткому опросу сотрудников: один вопрос по шкале от 0 до 10 и, если захотите, несколько слов.',
    reminderIntro:
      'Напоминаем о нашем анонимном опросе сотрудников. Если вы ещё не ответили, это займёт около минуты; если уже ответили, спасибо, и просто не обращайте внимания на это письмо.',
    button: 'Пройти опрос',
    anonymous: (k) =>
      `Ваш ответ анонимен. Он сохраняется без вашего имени, без этой ссылки и без времени ответа, и никто (ни ваш руководитель, ни отдел кадров) не может узнать, кто ответил и что написал конкретный человек. Результаты показываются только для групп не менее ${k} человек.`,
    personal: 'Ссылка предназначена только вам, чтобы каждый ответил один раз; пожалуйста, не пересылайте её.',
    thanks: 'Спасибо,',
  },
  sl: {
    subject: (wave) => `Anonimna anketa za zaposlene: ${wave}`,
    reminderSubject: (wave) => `Opomnik: ${wave} (anonimno)`,
    greeting: (name) => `Pozdravljeni, ${name},`,
    intro:
      'kako se počutite pri nas? Vzemite si minuto za kratko anketo za zaposlene: eno vprašanje na lestvici od 0 do 10 in, če želite, nekaj besed.',
    reminderIntro:
      'prijazno vas spominjamo na našo anonimno anketo za zaposlene. Če še niste odgovorili, vam bo vzela približno minuto; če ste že, hvala, in to sporočilo prezrite.',
    button: 'Izpolnite anketo',
    anonymous: (k) =>
      `Vaš odgovor je anonimen. Shranimo ga brez vašega imena, brez te povezave in brez časa odgovora, in nihče (ne vaš vodja ne kadrovska služba) ne more videti, kdo je odgovoril ali kaj je napisal posameznik. Rezultati so prikazani le za skupine z najmanj ${k} osebami.`,
    personal: 'Povezava je namenjena samo vam, da vsak odgovori enkrat; prosimo, ne posredujte je naprej.',
    thanks: 'Hvala,',
  },
};

export interface EmployeeMailInput {
  to: string;
  name: string;
  language: string;
  waveName: string;
  organizationName: string;
  surveyUrl: string;
  /** The organization's reporting threshold k. */
  threshold: number;
  reminder: boolean;
}

/** An employee survey's invitation or reminder, with the survey link; the recipient stays out of logs. */
export function employeeInvitationMail(input: EmployeeMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const intro = input.reminder ? t.reminderIntro : t.intro;
  const subject = input.reminder ? t.reminderSubject(input.waveName) : t.subject(input.waveName);
  const anonymous = t.anonymous(input.threshold);
  const { text, html } = renderMail(lang, subject, [
    { title: input.waveName },
    { paragraph: t.greeting(input.name) },
    { paragraph: intro },
    { button: { label: t.button, url: input.surveyUrl } },
    { boxed: anonymous },
    { note: [t.personal] },
    { signature: [t.thanks, input.organizationName] },
  ]);
  return {
    to: input.to,
    subject,
    text,
    html,
    headers: { 'Content-Language': lang },
    confidentialRecipient: true,
  };
}
