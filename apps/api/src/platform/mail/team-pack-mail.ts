import type { MailMessage } from '../../kernel/mailer.js';
import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { renderMail, type MailBlock } from './layout.js';

/**
 * The mail a team's manager gets when a wave closes (issue 20): the team's discussion pack is
 * ready, with a link to it, in the manager's language. A team whose employee results fold into a
 * parent's is told that its pack is the parent's.
 */
export interface TeamPackMailInput {
  to: string;
  name: string;
  language: string;
  organizationName: string;
  waveName: string;
  /** The unit whose pack the link opens. */
  teamName: string;
  /** The manager's own team, when its results are shown within teamName's pack. */
  foldedFromName: string | null;
  url: string;
  preferencesUrl: string;
}

interface Texts {
  subject: (team: string, wave: string) => string;
  greeting: (name: string) => string;
  ready: (team: string, wave: string) => string;
  folded: (own: string, team: string) => string;
  discuss: string;
  button: string;
  preferences: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    subject: (t, w) => `Discussion pack for ${t}: ${w}`,
    greeting: (n) => `Hello ${n},`,
    ready: (t, w) => `The wave "${w}" has closed, and the discussion pack of ${t} is ready: its results, their change since the last wave, themes, comments, and a short guide.`,
    folded: (o, t) => `To protect anonymity, the results of ${o} are not shown on their own: they are part of the pack of ${t}.`,
    discuss: 'Please go through it with your team, agree on a few actions and record them in Tandem.',
    button: 'Open the pack',
    preferences: 'Choose which mails you get:',
  },
  pl: {
    subject: (t, w) => `Pakiet do dyskusji dla ${t}: ${w}`,
    greeting: (n) => `Dzień dobry ${n},`,
    ready: (t, w) => `Fala „${w}” została zamknięta i pakiet do dyskusji zespołu ${t} jest gotowy: wyniki, zmiana od poprzedniej fali, tematy, komentarze i krótki przewodnik.`,
    folded: (o, t) => `Aby chronić anonimowość, wyniki zespołu ${o} nie są pokazywane osobno: są częścią pakietu ${t}.`,
    discuss: 'Omów go z zespołem, uzgodnijcie kilka działań i zapisz je w Tandem.',
    button: 'Otwórz pakiet',
    preferences: 'Wybierz, jakie wiadomości otrzymujesz:',
  },
  da: {
    subject: (t, w) => `Drøftelsespakke for ${t}: ${w}`,
    greeting: (n) => `Hej ${n},`,
    ready: (t, w) => `Runden "${w}" er lukket, og drøftelsespakken for ${t} er klar: resultaterne, ændringen siden sidste runde, temaer, kommentarer og en kort guide.`,
    folded: (o, t) => `For at beskytte anonymiteten vises resultaterne for ${o} ikke alene: de indgår i pakken for ${t}.`,
    discuss: 'Gå den igennem med dit team, aftal nogle få handlinger, og registrér dem i Tandem.',
    button: 'Åbn pakken',
    preferences: 'Vælg hvilke mails du får:',
  },
  ru: {
    subject: (t, w) => `Пакет для обсуждения: ${t}, ${w}`,
    greeting: (n) => `Здравствуйте, ${n}!`,
    ready: (t, w) => `Волна «${w}» закрыта, пакет для обсуждения команды «${t}» готов: результаты, изменение с прошлой волны, темы, комментарии и краткое руководство.`,
    folded: (o, t) => `Ради анонимности результаты команды «${o}» не показываются отдельно: они входят в пакет «${t}».`,
    discuss: 'Обсудите его с командой, договоритесь о нескольких действиях и запишите их в Tandem.',
    button: 'Открыть пакет',
    preferences: 'Выберите, какие письма получать:',
  },
  sl: {
    subject: (t, w) => `Paket za pogovor za ${t}: ${w}`,
    greeting: (n) => `Pozdravljeni, ${n},`,
    ready: (t, w) => `Val »${w}« je zaključen in paket za pogovor ekipe ${t} je pripravljen: rezultati, sprememba od zadnjega vala, teme, komentarji in kratek vodič.`,
    folded: (o, t) => `Zaradi anonimnosti rezultati enote ${o} niso prikazani posebej: so del paketa ${t}.`,
    discuss: 'Preglejte ga z ekipo, dogovorite se za nekaj dejanj in jih zapišite v Tandem.',
    button: 'Odpri paket',
    preferences: 'Izberite, katera sporočila prejemate:',
  },
};

export function teamPackMail(input: TeamPackMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const subject = t.subject(input.teamName, input.waveName);
  const blocks: MailBlock[] = [
    { paragraph: t.greeting(input.name) },
    { paragraph: t.ready(input.teamName, input.waveName) },
    ...(input.foldedFromName ? [{ boxed: t.folded(input.foldedFromName, input.teamName) }] : []),
    { paragraph: t.discuss },
    { button: { label: t.button, url: input.url } },
    { signature: [input.organizationName] },
    { footer: { text: t.preferences, url: input.preferencesUrl } },
  ];
  const { text, html } = renderMail(lang, subject, blocks);
  return { to: input.to, subject, text, html, headers: { 'Content-Language': lang, 'X-Tandem-Notification': 'TEAM_PACK' } };
}
