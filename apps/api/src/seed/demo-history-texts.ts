/**
 * Words for the demo's answer history (demo-history.ts): names and companies per language, and
 * comments per audience, language and category that use the demo catalogue's keywords
 * (demo-themes.ts), so theme suggestions have material. A comment is [reason, suggestion].
 */

export type Language = 'en' | 'pl' | 'da' | 'ru' | 'sl';
export type Category = 'promoter' | 'passive' | 'detractor';
export type Comment = [reason: string, suggestion: string | null];
type Pool = Record<Language, Record<Category, Comment[]>>;

/** First names, last names and company stems per language (ascii email parts are derived). */
export const PEOPLE: Record<Language, { first: string[]; last: string[]; companies: string[] }> = {
  en: {
    first: ['Amanda', 'Brandon', 'Christine', 'Derek', 'Erica', 'Frank', 'Gloria', 'Henry', 'Irene', 'Jason', 'Karen', 'Lucas'],
    last: ['Anderson', 'Bailey', 'Collins', 'Foster', 'Hughes', 'Jenkins', 'Morgan', 'Parker', 'Reed', 'Sullivan', 'Turner'],
    companies: ['Harbor Freight Co', 'Pinecrest Foods', 'Redline Logistics', 'Stonegate Health', 'Vertex Systems', 'Lakeside Metals', 'Northstar Retail'],
  },
  pl: {
    first: ['Agata', 'Bartłomiej', 'Dorota', 'Grzegorz', 'Iwona', 'Jacek', 'Kinga', 'Łukasz', 'Marzena', 'Rafał', 'Sylwia', 'Wojciech'],
    last: ['Adamczyk', 'Baran', 'Duda', 'Kubiak', 'Pietrzak', 'Kaczmarek', 'Sikora', 'Wilk', 'Kowalczyk', 'Mazur', 'Szewczyk'],
    companies: ['Drewpol', 'Transbałt', 'Medicor', 'Sklepy Pod Lipą', 'Infosoft', 'Stalprofil', 'Agrofarm'],
  },
  da: {
    first: ['Anne', 'Bo', 'Dorthe', 'Henrik', 'Kirsten', 'Mikkel', 'Pernille', 'Rune', 'Signe', 'Thomas', 'Trine', 'Ulrik'],
    last: ['Andersen', 'Bach', 'Frandsen', 'Iversen', 'Jeppesen', 'Kjeldsen', 'Madsen', 'Olsen', 'Vestergaard', 'Winther'],
    companies: ['Aarhus Havn Logistik', 'Odense Stål', 'Sjælland Sundhed', 'Kvickly Nord', 'Nordic Data', 'Vejle Emballage'],
  },
  ru: {
    first: ['Анастасия', 'Борис', 'Виктория', 'Геннадий', 'Дарья', 'Евгений', 'Ирина', 'Константин', 'Людмила', 'Максим', 'Наталья', 'Роман'],
    last: ['Коваленко', 'Бондаренко', 'Шевчук', 'Черных', 'Белых', 'Седых', 'Ткаченко', 'Мельник', 'Гончаренко', 'Руденко'],
    companies: ['Сибтранс', 'Уралмаш-Сервис', 'Медлайн', 'Торговый дом Север', 'Софтлаб', 'Каспий Логистик'],
  },
  sl: {
    first: ['Aleš', 'Barbara', 'David', 'Katja', 'Klemen', 'Maja', 'Miha', 'Polona', 'Primož', 'Sara', 'Tadej', 'Vesna'],
    last: ['Bizjak', 'Golob', 'Kavčič', 'Kolar', 'Mlakar', 'Oblak', 'Pirc', 'Rozman', 'Vidmar', 'Žagar'],
    companies: ['Kovinar', 'Alpetrans', 'Zdravstvo Plus', 'Trgovine Lipa', 'Informatika Kranj', 'Savinja Les'],
  },
};

/** Customers: before the shift confirmations, no-shows and replacements dominate the complaints. */
export const CUSTOMER_COMMENTS: Pool = {
  en: {
    promoter: [
      ['Reliable people from the first day, and quick answers from our account manager.', null],
      ['Fast replacement whenever one of the workers is ill.', 'Keep the same consultant on our account.'],
      ['The candidates you send fit our teams really well.', null],
    ],
    passive: [
      ['Good service, but the invoices sometimes have errors.', 'Check invoices before sending them.'],
      ['Solid staffing, though the rates went up this year.', 'Explain price changes earlier.'],
      ['Mostly fine; communication could be quicker when plans change.', 'Weekly updates in busy periods.'],
    ],
    detractor: [
      ['Two workers did not show up for their first shift and we only found out that morning.', 'Confirm every shift the day before.'],
      ['We waited too long for a replacement when someone was sick.', 'Keep a backup list of trained workers.'],
      ['Nobody returned my calls for three days.', 'A backup contact when the account manager is away.'],
    ],
  },
  pl: {
    promoter: [
      ['Rzetelni pracownicy od pierwszego dnia i szybki kontakt z opiekunem.', null],
      ['Szybko organizujecie zastępstwa, gdy ktoś zachoruje.', 'Niech nasz opiekun się nie zmienia.'],
      ['Kandydaci są bardzo dobrze dobrani do naszych zespołów.', null],
    ],
    passive: [
      ['Dobra obsługa, ale faktura czasem zawiera błędy.', 'Sprawdzajcie faktury przed wysłaniem.'],
      ['Solidna współpraca, choć stawka w tym roku wzrosła.', 'Wcześniej informujcie o zmianie ceny.'],
      ['Ogólnie w porządku, ale przy zmianach planu kontakt jest za wolny.', 'Cotygodniowe informacje w okresach szczytu.'],
    ],
    detractor: [
      ['Dwie osoby nie pojawiły się na pierwszej zmianie i dowiedzieliśmy się o tym rano.', 'Potwierdzajcie każdą zmianę dzień wcześniej.'],
      ['Za długo czekamy na zastępstwa, gdy ktoś jest chory.', 'Lista rezerwowych, przeszkolonych pracowników.'],
      ['Przez trzy dni nikt nie oddzwonił.', 'Zastępca opiekuna na czas urlopu.'],
    ],
  },
  da: {
    promoter: [
      ['Pålidelige medarbejdere fra første dag og hurtige svar fra vores konsulent.', null],
      ['Hurtig erstatning, når en vikar er syg.', 'Behold den samme konsulent på vores konto.'],
      ['Kandidaterne passer rigtig godt ind i vores teams.', null],
    ],
    passive: [
      ['God service, men fakturaen har nogle gange fejl.', 'Tjek fakturaerne, før de sendes.'],
      ['Solid bemanding, selvom prisen steg i år.', 'Forklar prisændringer i god tid.'],
      ['Generelt fint, men kommunikationen er langsom, når planerne ændres.', 'Ugentlig besked i travle perioder.'],
    ],
    detractor: [
      ['To vikarer mødte ikke op til første vagt, og vi fandt først ud af det om morgenen.', 'Bekræft hver vagt dagen før.'],
      ['Vi ventede for længe på en afløser, da en vikar var syg.', 'En liste over oplærte afløsere.'],
      ['Ingen ringede tilbage i tre dage.', 'En stedfortræder, når konsulenten er væk.'],
    ],
  },
  ru: {
    promoter: [
      ['Надёжные сотрудники с первого дня и быстрые ответы от менеджера.', null],
      ['Быстро находите замену, когда кто-то болеет.', 'Пусть наш менеджер остаётся тем же.'],
      ['Кандидаты отлично подходят нашим командам.', null],
    ],
    passive: [
      ['Хороший сервис, но счета иногда приходят с ошибками.', 'Проверяйте счета перед отправкой.'],
      ['Надёжно, хотя в этом году стало дороже.', 'Заранее объясняйте изменение тарифа.'],
      ['В целом нормально, но при изменении планов информация приходит поздно.', 'Еженедельная информация в сезон.'],
    ],
    detractor: [
      ['Двое сотрудников не вышли на первую смену, и мы узнали об этом только утром.', 'Подтверждайте каждую смену накануне.'],
      ['Слишком долго ждём замену, когда кто-то заболел.', 'Держите список обученных сотрудников на замену.'],
      ['Три дня никто не мог дозвониться до менеджера.', 'Назначьте ответственного на время отпуска менеджера.'],
    ],
  },
  sl: {
    promoter: [
      ['Zanesljivi delavci od prvega dne in hitri odgovori skrbnika.', null],
      ['Hitro zagotovite zamenjavo, ko kdo zboli.', 'Naj naš skrbnik ostane isti.'],
      ['Kandidati se odlično ujamejo z našimi ekipami.', null],
    ],
    passive: [
      ['Dobra storitev, a račun ima včasih napake.', 'Preverite račune pred pošiljanjem.'],
      ['Solidno, čeprav se je cena letos zvišala.', 'Spremembe cen napovejte prej.'],
      ['Na splošno v redu, a komunikacija ob spremembah načrtov je počasna.', 'Tedensko obvestilo v sezoni.'],
    ],
    detractor: [
      ['Dva delavca nista prišla na prvo izmeno, izvedeli smo šele zjutraj.', 'Vsako izmeno potrdite dan prej.'],
      ['Predolgo čakamo na nadomestni delavce, ko kdo zboli.', 'Seznam usposobljenih nadomestnih delavcev.'],
      ['Tri dni nas nihče ni poklical nazaj po telefonu.', 'Namestnik, ko je skrbnik odsoten.'],
    ],
  },
};

/** Customers' promoters after the shift confirmations went live (demo-improvements.ts). */
export const CUSTOMER_AFTER_CONFIRMATIONS: Record<Language, Comment[]> = {
  en: [
    ['Since you confirm every shift by text the day before, nobody has missed a first day.', null],
    ['The text the day before is a small thing, but the no-shows have stopped.', "Add the worker's name to the text."],
  ],
  pl: [
    ['Odkąd potwierdzacie zmiany SMS-em dzień wcześniej, wszyscy się pojawiają.', null],
    ['Potwierdzenie obsady dzień wcześniej to duża poprawa.', 'Dodajcie imię pracownika do SMS-a.'],
  ],
  da: [
    ['Efter I bekræfter vagterne på sms dagen før, møder alle op.', null],
    ['Sms-bekræftelsen dagen før har løst problemet med udeblivelser.', 'Skriv vikarens navn i beskeden.'],
  ],
  ru: [
    ['С тех пор как вы подтверждаете смены по SMS накануне, все выходят вовремя.', null],
    ['SMS-подтверждение накануне решило проблему с невыходами.', 'Добавьте в SMS имя сотрудника.'],
  ],
  sl: [
    ['Odkar izmene potrdite s SMS-om dan prej, pridejo vsi.', null],
    ['Potrditev dan prej je rešila težavo z izostanki.', 'V SMS dodajte ime delavca.'],
  ],
};

export const CANDIDATE_COMMENTS: Pool = {
  en: {
    promoter: [['The recruiter was helpful and always called back.', null], ['A quick process: two interviews and an offer within a week.', 'Keep the feedback this fast.']],
    passive: [['Friendly people, but it took long between the interviews.', 'Shorter waiting between interview rounds.'], ['The job description did not match the role entirely.', null]],
    detractor: [['Nobody called me back after the interview.', 'Tell candidates the result, also when it is no.'], ['I had to chase the recruiter for every update.', 'Regular updates on where the process stands.']],
  },
  pl: {
    promoter: [['Rekruterka była bardzo pomocna i zawsze oddzwaniała.', null], ['Szybko: dwie rozmowy i oferta w tydzień.', 'Utrzymajcie tak szybkie informacje zwrotne.']],
    passive: [['Mili ludzie, ale długo czekałem między rozmowami.', 'Krótsze przerwy między etapami.'], ['Opis stanowiska nie do końca pasował do pracy.', null]],
    detractor: [['Po rozmowie nikt do mnie nie oddzwonił.', 'Informujcie kandydatów także o odmowie.'], ['Musiałam ciągle dopytywać rekrutera o informacje.', 'Regularny kontakt o etapie procesu.']],
  },
  da: {
    promoter: [['Rekrutteringskonsulenten var hjælpsom og ringede altid tilbage.', null], ['Et hurtigt forløb med tilbud inden for en uge.', 'Behold den hurtige feedback.']],
    passive: [['Søde mennesker, men der gik lang tid mellem samtalerne.', 'Kortere ventetid mellem samtalerne.'], ['Stillingsopslaget passede ikke helt til jobbet.', null]],
    detractor: [['Ingen ringede tilbage efter samtalen.', 'Giv besked til kandidaterne, også ved et nej.'], ['Jeg måtte selv jagte konsulenten for at få information.', 'Faste opdateringer undervejs.']],
  },
  ru: {
    promoter: [['Рекрутер был очень внимателен и всегда перезванивал.', null], ['Быстро: два собеседования и предложение за неделю.', 'Сохраните такую скорость обратной связи.']],
    passive: [['Приятные люди, но между собеседованиями пришлось долго ждать.', 'Меньше пауз между этапами.'], ['Описание вакансии не совсем совпало с работой.', null]],
    detractor: [['После собеседования мне никто не перезвонил.', 'Сообщайте результат, даже если он отрицательный.'], ['Информацию приходилось выпрашивать у рекрутера.', 'Регулярная информация о ходе процесса.']],
  },
  sl: {
    promoter: [['Kadrovnica je bila v pomoč in je vedno poklicala nazaj.', null], ['Hiter postopek: dva razgovora in ponudba v enem tednu.', 'Ohranite tako hitre odzive.']],
    passive: [['Prijazni ljudje, a med razgovori sem dolgo čakal.', 'Krajše čakanje med krogi razgovorov.'], ['Opis delovnega mesta se ni povsem ujemal z delom.', null]],
    detractor: [['Po razgovoru me nihče ni poklical.', 'Kandidatom sporočite izid, tudi ko je negativen.'], ['Za vsako obvestilo sem moral klicati kadrovnika.', 'Redna obvestila o poteku postopka.']],
  },
};

export const ASSOCIATE_COMMENTS: Pool = {
  en: {
    promoter: [['My coordinator is always reachable and pay is on time.', null], ['Good assignments close to home.', 'More information about the next assignment.']],
    passive: [['Fine overall, but I learn about the next assignment very late.', 'Tell us about new assignments earlier.'], ['The client site was good; the paperwork was not.', 'One checklist for all documents.']],
    detractor: [['Nobody explained the safety rules at the client site.', 'A proper introduction on the first day.'], ['My timesheet was wrong twice and the payment came late.', 'Check timesheets before payroll.']],
  },
  pl: {
    promoter: [['Koordynator zawsze odbiera, a wypłaty są na czas.', null], ['Dobre zlecenia blisko domu.', 'Więcej informacji o kolejnych projektach.']],
    passive: [['Ogólnie dobrze, ale o kolejnym zleceniu dowiaduję się bardzo późno.', 'Informujcie wcześniej o nowych zleceniach.'], ['Praca u klienta dobra, gorzej z dokumentami.', 'Jedna lista wszystkich dokumentów.']],
    detractor: [['Nikt nie wyjaśnił mi procedur BHP u klienta.', 'Porządne szkolenie pierwszego dnia.'], ['Dwa razy źle rozliczono moje godziny i wypłata się spóźniła.', 'Sprawdzajcie rozliczenie przed wypłatą.']],
  },
  da: {
    promoter: [['Min koordinator er altid til at få fat i, og lønnen kommer til tiden.', null], ['Gode opgaver tæt på hjemmet.', 'Mere information om næste opgave.']],
    passive: [['Generelt fint, men jeg hører om næste opgave meget sent.', 'Giv besked om nye opgaver tidligere.'], ['Kunden var god, papirarbejdet var ikke.', 'Én tjekliste til alle dokumenter.']],
    detractor: [['Ingen forklarede sikkerhedsreglerne hos kunden.', 'En ordentlig introduktion første dag.'], ['Min timeseddel var forkert to gange, og lønnen kom for sent.', 'Tjek timesedler før lønkørslen.']],
  },
  ru: {
    promoter: [['Координатор всегда на связи, зарплата приходит вовремя.', null], ['Хорошие объекты недалеко от дома.', 'Больше информации о следующих заказах.']],
    passive: [['В целом хорошо, но о следующем заказе узнаю слишком поздно.', 'Сообщайте о новых заказах раньше.'], ['На объекте всё хорошо, а с документами путаница.', 'Единый список документов.']],
    detractor: [['Никто не объяснил правила безопасности на объекте клиента.', 'Нормальный инструктаж в первый день.'], ['Дважды неправильно посчитали часы, оплата задержалась.', 'Проверяйте табель до начисления.']],
  },
  sl: {
    promoter: [['Koordinator je vedno dosegljiv, plačilo pride pravočasno.', null], ['Dobra dela blizu doma.', 'Več informacij o naslednjem delu.']],
    passive: [['Na splošno v redu, a za naslednje delo izvem zelo pozno.', 'O novih delih nas obvestite prej.'], ['Pri stranki je bilo dobro, papirji pa ne.', 'En seznam vseh dokumentov.']],
    detractor: [['Nihče mi ni razložil varnostnih pravil pri stranki.', 'Pravo uvajanje prvi dan.'], ['Dvakrat so narobe obračunali ure in plačilo je zamujalo.', 'Preverite ure pred obračunom.']],
  },
};
