import type { MailLanguage } from '../../platform/mail/invitation-mail.js';

/**
 * The words of a team pack that the server writes (the guide, and the PDF's headings), in the five
 * languages of Tandem. The web page has its own copy of the headings in its locale files.
 */
export interface PackTexts {
  guide: (employee: boolean) => string[];
  title: string;
  wave: string;
  score: (employee: boolean) => string;
  interval: string;
  band: string;
  answers: string;
  previous: string;
  change: string;
  significant: string;
  notSignificant: string;
  trend: string;
  themes: string;
  comments: string;
  commentsHidden: string;
  followUps: string;
  improvements: string;
  none: string;
  guideTitle: string;
  folded: (team: string, shown: string) => string;
  suppressed: string;
  bands: Record<string, string>;
  statuses: Record<string, string>;
  mentions: string;
  due: string;
}

const STATUS_EN = { PROPOSED: 'proposed', PLANNED: 'planned', IN_PROGRESS: 'in progress', IMPLEMENTED: 'implemented', VERIFIED: 'verified', REJECTED: 'rejected', OPEN: 'open', CONTACTED: 'contacted' };

export const PACK_TEXTS: Record<MailLanguage, PackTexts> = {
  en: {
    guide: (employee) => [
      'Share the results with the whole team and give everyone a few minutes to read them.',
      employee
        ? 'The answers are anonymous: talk about what the results say, never about who might have written what.'
        : 'Start from what customers praise, then the comments and open follow-ups that need an answer.',
      'Pick the two or three themes that matter most to the team and ask what lies behind them.',
      'Agree on one to three actions, each with an owner and a due date.',
      'Record the discussion and its actions in Tandem, so everyone can follow them to the end.',
    ],
    title: 'Team discussion pack',
    wave: 'Wave',
    score: (e) => (e ? 'eNPS' : 'NPS'),
    interval: '95 % interval',
    band: 'Band',
    answers: 'Answers',
    previous: 'Previous wave',
    change: 'Change',
    significant: 'significant',
    notSignificant: 'not significant',
    trend: 'Trend',
    themes: 'Top themes',
    comments: 'Comments',
    commentsHidden: 'Comments are not shown for this group (too few answers to keep them anonymous).',
    followUps: 'Open follow-ups',
    improvements: 'Improvements',
    none: 'None.',
    guideTitle: 'Discussion guide',
    folded: (t, s) => `The results of ${t} are not shown on their own to protect anonymity: this is the pack of ${s}.`,
    suppressed: 'hidden',
    bands: { needs_work: 'needs work', good: 'good', great: 'great', excellent: 'excellent' },
    statuses: STATUS_EN,
    mentions: 'mentions',
    due: 'due',
  },
  pl: {
    guide: (employee) => [
      'Przedstaw wyniki całemu zespołowi i daj każdemu kilka minut na ich przeczytanie.',
      employee
        ? 'Odpowiedzi są anonimowe: rozmawiajcie o tym, co mówią wyniki, nigdy o tym, kto mógł co napisać.'
        : 'Zacznij od tego, co klienci chwalą, potem komentarze i otwarte kontakty, które czekają na odpowiedź.',
      'Wybierzcie dwa lub trzy tematy najważniejsze dla zespołu i zapytajcie, co się za nimi kryje.',
      'Uzgodnijcie od jednego do trzech działań, każde z właścicielem i terminem.',
      'Zapisz dyskusję i działania w Tandem, aby wszyscy mogli śledzić je do końca.',
    ],
    title: 'Pakiet do dyskusji zespołu',
    wave: 'Fala',
    score: (e) => (e ? 'eNPS' : 'NPS'),
    interval: 'Przedział 95 %',
    band: 'Ocena',
    answers: 'Odpowiedzi',
    previous: 'Poprzednia fala',
    change: 'Zmiana',
    significant: 'istotna',
    notSignificant: 'nieistotna',
    trend: 'Trend',
    themes: 'Najczęstsze tematy',
    comments: 'Komentarze',
    commentsHidden: 'Komentarze tej grupy nie są pokazywane (za mało odpowiedzi, by zachować anonimowość).',
    followUps: 'Otwarte kontakty',
    improvements: 'Usprawnienia',
    none: 'Brak.',
    guideTitle: 'Przewodnik do dyskusji',
    folded: (t, s) => `Wyniki zespołu ${t} nie są pokazywane osobno, aby chronić anonimowość: to jest pakiet jednostki ${s}.`,
    suppressed: 'ukryte',
    bands: { needs_work: 'do poprawy', good: 'dobry', great: 'bardzo dobry', excellent: 'doskonały' },
    statuses: { PROPOSED: 'zaproponowane', PLANNED: 'zaplanowane', IN_PROGRESS: 'w toku', IMPLEMENTED: 'wdrożone', VERIFIED: 'zweryfikowane', REJECTED: 'odrzucone', OPEN: 'otwarty', CONTACTED: 'skontaktowano' },
    mentions: 'wzmianek',
    due: 'termin',
  },
  da: {
    guide: (employee) => [
      'Del resultaterne med hele teamet, og giv alle et par minutter til at læse dem.',
      employee
        ? 'Svarene er anonyme: tal om hvad resultaterne siger, aldrig om hvem der kan have skrevet hvad.'
        : 'Start med det kunderne roser, derefter kommentarerne og de åbne opfølgninger, der venter på svar.',
      'Vælg de to eller tre temaer, der betyder mest for teamet, og spørg hvad der ligger bag.',
      'Aftal en til tre handlinger, hver med en ansvarlig og en frist.',
      'Registrér drøftelsen og handlingerne i Tandem, så alle kan følge dem til ende.',
    ],
    title: 'Teamets drøftelsespakke',
    wave: 'Runde',
    score: (e) => (e ? 'eNPS' : 'NPS'),
    interval: '95 %-interval',
    band: 'Niveau',
    answers: 'Svar',
    previous: 'Forrige runde',
    change: 'Ændring',
    significant: 'signifikant',
    notSignificant: 'ikke signifikant',
    trend: 'Udvikling',
    themes: 'Vigtigste temaer',
    comments: 'Kommentarer',
    commentsHidden: 'Kommentarer vises ikke for denne gruppe (for få svar til at bevare anonymiteten).',
    followUps: 'Åbne opfølgninger',
    improvements: 'Forbedringer',
    none: 'Ingen.',
    guideTitle: 'Guide til drøftelsen',
    folded: (t, s) => `Resultaterne for ${t} vises ikke alene for at beskytte anonymiteten: dette er pakken for ${s}.`,
    suppressed: 'skjult',
    bands: { needs_work: 'kræver indsats', good: 'god', great: 'rigtig god', excellent: 'fremragende' },
    statuses: { PROPOSED: 'foreslået', PLANNED: 'planlagt', IN_PROGRESS: 'i gang', IMPLEMENTED: 'gennemført', VERIFIED: 'bekræftet', REJECTED: 'afvist', OPEN: 'åben', CONTACTED: 'kontaktet' },
    mentions: 'omtaler',
    due: 'frist',
  },
  ru: {
    guide: (employee) => [
      'Покажите результаты всей команде и дайте каждому несколько минут, чтобы их прочитать.',
      employee
        ? 'Ответы анонимны: обсуждайте, что говорят результаты, и никогда — кто что мог написать.'
        : 'Начните с того, что хвалят клиенты, затем перейдите к комментариям и открытым обращениям, ждущим ответа.',
      'Выберите две-три темы, самые важные для команды, и спросите, что за ними стоит.',
      'Договоритесь об одном–трёх действиях, у каждого — ответственный и срок.',
      'Запишите обсуждение и действия в Tandem, чтобы все могли следить за ними до конца.',
    ],
    title: 'Пакет для обсуждения в команде',
    wave: 'Волна',
    score: (e) => (e ? 'eNPS' : 'NPS'),
    interval: '95 % интервал',
    band: 'Уровень',
    answers: 'Ответы',
    previous: 'Предыдущая волна',
    change: 'Изменение',
    significant: 'значимое',
    notSignificant: 'незначимое',
    trend: 'Динамика',
    themes: 'Главные темы',
    comments: 'Комментарии',
    commentsHidden: 'Комментарии этой группы не показываются (слишком мало ответов для сохранения анонимности).',
    followUps: 'Открытые обращения',
    improvements: 'Улучшения',
    none: 'Нет.',
    guideTitle: 'Как провести обсуждение',
    folded: (t, s) => `Результаты команды «${t}» не показываются отдельно ради анонимности: это пакет подразделения «${s}».`,
    suppressed: 'скрыто',
    bands: { needs_work: 'требует работы', good: 'хорошо', great: 'очень хорошо', excellent: 'отлично' },
    statuses: { PROPOSED: 'предложено', PLANNED: 'запланировано', IN_PROGRESS: 'в работе', IMPLEMENTED: 'внедрено', VERIFIED: 'проверено', REJECTED: 'отклонено', OPEN: 'открыто', CONTACTED: 'связались' },
    mentions: 'упоминаний',
    due: 'срок',
  },
  sl: {
    guide: (employee) => [
      'Rezultate predstavite vsej ekipi in vsakemu dajte nekaj minut, da jih prebere.',
      employee
        ? 'Odgovori so anonimni: pogovarjajte se o tem, kaj povedo rezultati, nikoli o tem, kdo bi lahko kaj napisal.'
        : 'Začnite s tem, kar stranke hvalijo, nato s komentarji in odprtimi odzivi, ki čakajo na odgovor.',
      'Izberite dve ali tri teme, ki so ekipi najpomembnejše, in vprašajte, kaj se skriva za njimi.',
      'Dogovorite se za eno do tri dejanja, vsako z nosilcem in rokom.',
      'Pogovor in dejanja zapišite v Tandem, da jim lahko vsi sledijo do konca.',
    ],
    title: 'Paket za pogovor v ekipi',
    wave: 'Val',
    score: (e) => (e ? 'eNPS' : 'NPS'),
    interval: '95 % interval',
    band: 'Raven',
    answers: 'Odgovori',
    previous: 'Prejšnji val',
    change: 'Sprememba',
    significant: 'značilna',
    notSignificant: 'ni značilna',
    trend: 'Gibanje',
    themes: 'Glavne teme',
    comments: 'Komentarji',
    commentsHidden: 'Komentarji te skupine niso prikazani (premalo odgovorov za ohranitev anonimnosti).',
    followUps: 'Odprti odzivi',
    improvements: 'Izboljšave',
    none: 'Ni.',
    guideTitle: 'Vodič za pogovor',
    folded: (t, s) => `Rezultati enote ${t} zaradi anonimnosti niso prikazani posebej: to je paket enote ${s}.`,
    suppressed: 'skrito',
    bands: { needs_work: 'potrebno izboljšati', good: 'dobro', great: 'zelo dobro', excellent: 'odlično' },
    statuses: { PROPOSED: 'predlagano', PLANNED: 'načrtovano', IN_PROGRESS: 'v teku', IMPLEMENTED: 'uvedeno', VERIFIED: 'preverjeno', REJECTED: 'zavrnjeno', OPEN: 'odprto', CONTACTED: 'stik vzpostavljen' },
    mentions: 'omemb',
    due: 'rok',
  },
};
