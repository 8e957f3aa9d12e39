import type { MailMessage } from '../../kernel/mailer.js';
import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { renderMail, type MailBlock } from './layout.js';

/**
 * Mails that tell a Tandem user something needs them (issue 17): a detractor's follow-up assigned
 * to its owner, with the customer's comment and a link to react; a follow-up escalated to the CX
 * users when its first reaction is late. In the user's language.
 */

export interface FollowUpMailInput {
  to: string;
  name: string;
  language: string;
  organizationName: string;
  contactName: string | null;
  score: number | null;
  comment: string | null;
  waveName: string;
  dueAt: Date;
  /** Escalations: the owner who did not react in time (null: nobody owns it). */
  ownerName?: string | null;
  /** Where to react: the follow-up in the app. */
  url: string;
  /** Where the user turns these mails off. */
  preferencesUrl: string;
  timeZone: string;
}

interface Texts {
  greeting: (name: string) => string;
  assignedSubject: (contact: string) => string;
  assignedIntro: (contact: string, wave: string, score: string) => string;
  escalatedSubject: (contact: string) => string;
  escalatedIntro: (contact: string, wave: string, score: string, owner: string | null) => string;
  comment: string;
  noComment: string;
  due: (when: string) => string;
  button: string;
  someone: string;
  preferences: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    greeting: (n) => `Hello ${n},`,
    assignedSubject: (c) => `New detractor to follow up: ${c}`,
    assignedIntro: (c, w, s) => `${c} answered "${w}" with ${s} out of 10 and is waiting for your first reaction.`,
    escalatedSubject: (c) => `Follow-up past its SLA: ${c}`,
    escalatedIntro: (c, w, s, o) => `${c} answered "${w}" with ${s} out of 10, and nobody has reacted within the SLA${o ? ` (owner: ${o})` : ''}. Please step in.`,
    comment: 'Their comment:',
    noComment: 'They left no comment.',
    due: (w) => `First reaction due by ${w}.`,
    button: 'Open the follow-up',
    someone: 'A customer',
    preferences: 'Choose which mails you get:',
  },
  pl: {
    greeting: (n) => `Dzień dobry ${n},`,
    assignedSubject: (c) => `Nowy krytyk do kontaktu: ${c}`,
    assignedIntro: (c, w, s) => `${c} ocenił(a) „${w}” na ${s} z 10 i czeka na Twoją pierwszą reakcję.`,
    escalatedSubject: (c) => `Kontakt po terminie SLA: ${c}`,
    escalatedIntro: (c, w, s, o) => `${c} ocenił(a) „${w}” na ${s} z 10 i nikt nie zareagował w terminie SLA${o ? ` (właściciel: ${o})` : ''}. Prosimy o interwencję.`,
    comment: 'Komentarz:',
    noComment: 'Bez komentarza.',
    due: (w) => `Pierwsza reakcja do ${w}.`,
    button: 'Otwórz kontakt',
    someone: 'Klient',
    preferences: 'Wybierz, jakie wiadomości otrzymujesz:',
  },
  da: {
    greeting: (n) => `Hej ${n},`,
    assignedSubject: (c) => `Ny kritiker at følge op på: ${c}`,
    assignedIntro: (c, w, s) => `${c} svarede ${s} ud af 10 på "${w}" og venter på din første reaktion.`,
    escalatedSubject: (c) => `Opfølgning over SLA: ${c}`,
    escalatedIntro: (c, w, s, o) => `${c} svarede ${s} ud af 10 på "${w}", og ingen har reageret inden for SLA${o ? ` (ejer: ${o})` : ''}. Tag venligst over.`,
    comment: 'Kommentar:',
    noComment: 'Ingen kommentar.',
    due: (w) => `Første reaktion senest ${w}.`,
    button: 'Åbn opfølgningen',
    someone: 'En kunde',
    preferences: 'Vælg hvilke mails du får:',
  },
  ru: {
    greeting: (n) => `Здравствуйте, ${n}!`,
    assignedSubject: (c) => `Новый критик для связи: ${c}`,
    assignedIntro: (c, w, s) => `${c} оценил(а) «${w}» на ${s} из 10 и ждёт вашей первой реакции.`,
    escalatedSubject: (c) => `Просрочен SLA по обращению: ${c}`,
    escalatedIntro: (c, w, s, o) => `${c} оценил(а) «${w}» на ${s} из 10, и никто не отреагировал в срок SLA${o ? ` (ответственный: ${o})` : ''}. Пожалуйста, подключитесь.`,
    comment: 'Комментарий:',
    noComment: 'Без комментария.',
    due: (w) => `Первая реакция — до ${w}.`,
    button: 'Открыть обращение',
    someone: 'Клиент',
    preferences: 'Выберите, какие письма получать:',
  },
  sl: {
    greeting: (n) => `Pozdravljeni, ${n},`,
    assignedSubject: (c) => `Nov kritik za odziv: ${c}`,
    assignedIntro: (c, w, s) => `${c} je »${w}« ocenil(a) z ${s} od 10 in čaka na vaš prvi odziv.`,
    escalatedSubject: (c) => `Odziv po roku SLA: ${c}`,
    escalatedIntro: (c, w, s, o) => `${c} je »${w}« ocenil(a) z ${s} od 10 in nihče se ni odzval v roku SLA${o ? ` (lastnik: ${o})` : ''}. Prosimo, prevzemite.`,
    comment: 'Komentar:',
    noComment: 'Brez komentarja.',
    due: (w) => `Prvi odziv do ${w}.`,
    button: 'Odpri odziv',
    someone: 'Stranka',
    preferences: 'Izberite, katera sporočila prejemate:',
  },
};

const LOCALES: Record<MailLanguage, string> = { en: 'en-GB', pl: 'pl-PL', da: 'da-DK', ru: 'ru-RU', sl: 'sl-SI' };

/** A moment as the organization's people read it: in its time zone, in the reader's language. */
export function localMoment(at: Date, language: MailLanguage, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at) + ' UTC';
  }
}

export function followUpMail(kind: 'ASSIGNED' | 'ESCALATED', input: FollowUpMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const contact = input.contactName?.trim() || t.someone;
  const score = input.score === null ? '–' : String(input.score);
  const subject = kind === 'ASSIGNED' ? t.assignedSubject(contact) : t.escalatedSubject(contact);
  const intro = kind === 'ASSIGNED' ? t.assignedIntro(contact, input.waveName, score) : t.escalatedIntro(contact, input.waveName, score, input.ownerName ?? null);
  const comment = input.comment?.trim();
  const blocks: MailBlock[] = [
    { paragraph: t.greeting(input.name) },
    { paragraph: intro },
    comment ? { boxed: `${t.comment} “${comment}”` } : { paragraph: t.noComment },
    { paragraph: t.due(localMoment(input.dueAt, lang, input.timeZone)) },
    { button: { label: t.button, url: input.url } },
    { footer: { text: t.preferences, url: input.preferencesUrl } },
  ];
  const { text, html } = renderMail(lang, subject, blocks);
  // The kind in a header of its own: mail rules (and tests) tell these from survey mails.
  return { to: input.to, subject, text, html, headers: { 'Content-Language': lang, 'X-Tandem-Notification': kind === 'ASSIGNED' ? 'FOLLOW_UP_ASSIGNED' : 'FOLLOW_UP_ESCALATED' } };
}
