import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileThemes, matchThemes, normalizeStem, sameWord, stemsOf } from './matcher.js';
import { THEME_LANGUAGES, type ThemeKeywordMap, type ThemeLanguage } from './theme.entity.js';

const theme = (id: string, keywords: ThemeKeywordMap) => ({ id, keywords });
const match = (language: string, text: string, keywords: ThemeKeywordMap) => matchThemes([theme('t', keywords)], language, [text]).length === 1;

describe('inflected forms match their keyword, in each language', () => {
  const cases: [ThemeLanguage, string, string][] = [
    ['en', 'Prices were too high', 'price'],
    ['en', 'The invoices were wrong twice', 'invoicing'],
    ['en', 'Our account manager was away', 'account manager'],
    ['en', 'They communicated poorly', 'communication'],
    ['pl', 'Ceny były za wysokie', 'cena'],
    ['pl', 'Za wysoką cenę dostajemy mało', 'cena'],
    ['pl', 'Faktury są błędne', 'faktura'],
    ['pl', 'Nasz opiekun klienta nie odpowiada', 'opiekuna klienta'],
    ['pl', 'Jakości produktów nie da się porównać', 'jakość produktu'],
    ['pl', 'Wdrożeniu brakowało struktury', 'wdrożenie'],
    ['da', 'Priserne var for høje', 'pris'],
    ['da', 'Fakturaerne var forkerte', 'faktura'],
    ['da', 'Kommunikationen var dårlig', 'kommunikation'],
    ['da', 'Kundeservicemedarbejderen var sød', 'kundeservice'],
    ['da', 'Arbejdsbyrden er for stor', 'arbejdsbyrde'],
    ['ru', 'Цены были слишком высокими', 'цена'],
    ['ru', 'Счета приходят с ошибками', 'счёт'],
    ['ru', 'Сложно дозвониться до менеджера', 'менеджер'],
    ['ru', 'Недовольны качеством продукта', 'качество продукта'],
    ['ru', 'Слишком большую нагрузку дают', 'нагрузка'],
    ['sl', 'Cene so bile previsoke', 'cena'],
    ['sl', 'Računi so napačni', 'račun'],
    ['sl', 'Skrbnika nisem mogel doseči', 'skrbnik'],
    ['sl', 'Kakovosti izdelkov ne moremo zaupati', 'kakovost izdelka'],
    ['sl', 'Delovna obremenitev je prevelika', 'obremenitev'],
  ];
  it.each(cases)('%s: "%s" mentions "%s"', (language, text, keyword) => {
    expect(match(language, text, { [language]: [keyword] })).toBe(true);
  });

  it('matches without diacritics typed by the respondent', () => {
    expect(match('pl', 'Ceny i jakosc produktu', { pl: ['jakość produktu'] })).toBe(true);
    expect(match('sl', 'Racuni so napacni', { sl: ['račun'] })).toBe(true);
    expect(match('ru', 'Пришел счет', { ru: ['счёт'] })).toBe(true);
  });
});

describe('what does not match (documented limits)', () => {
  it('does not match irregular or suppletive forms', () => {
    expect(match('en', 'We paid twice', { en: ['pay'] })).toBe(false);
    expect(match('pl', 'Ludzie byli mili', { pl: ['człowiek'] })).toBe(false);
  });
  it('does not match a multi-word keyword with words in between or in another order', () => {
    expect(match('en', 'The manager of our account left', { en: ['account manager'] })).toBe(false);
  });
  it('does not match short stems that only begin alike', () => {
    expect(match('en', 'A priceless experience', { en: ['price'] })).toBe(false);
    expect(match('da', 'Prisstigningen var stor', { da: ['pris'] })).toBe(false);
  });
  it('suggests nothing in a language without keywords or without a stemmer', () => {
    expect(match('pl', 'Ceny były za wysokie', { en: ['price'] })).toBe(false);
    expect(match('de', 'Die Preise sind zu hoch', { en: ['Preise'] })).toBe(false);
    expect(compileThemes([theme('t', { en: ['price'] })], 'de')).toBeNull();
  });
});

describe('the parts', () => {
  it('normalizes stems: case, diacritics, trailing vowels', () => {
    expect(normalizeStem('Cenę')).toBe('cen');
    expect(normalizeStem('Żółć')).toBe('zolc');
    expect(normalizeStem('счёт')).toBe('счет');
    expect(normalizeStem('ab')).toBe('ab');
  });
  it('treats stems as the same word when equal, or long and one a prefix of the other', () => {
    expect(sameWord('skrbn', 'skrbnik')).toBe(true);
    expect(sameWord('pric', 'priceless')).toBe(false);
    expect(sameWord('cen', 'cen')).toBe(true);
  });
  it('keeps a text of punctuation only empty', () => {
    expect(stemsOf('?!  …', 'en')).toEqual([]);
  });
  it('answers each theme once, in catalogue order, from reason or suggestion', () => {
    const themes = [theme('a', { en: ['price', 'cost'] }), theme('b', { en: ['invoice'] }), theme('c', { en: ['speed'] })];
    expect(matchThemes(themes, 'en', ['The invoice and the price', 'cost, price'])).toEqual(['a', 'b']);
    expect(matchThemes(themes, 'en', [null, 'invoices late'])).toEqual(['b']);
    expect(matchThemes(themes, 'en', [null, '  '])).toEqual([]);
  });
});

describe('properties', () => {
  const languageArb = fc.constantFrom(...THEME_LANGUAGES);
  const ALPHABET: Record<ThemeLanguage, string> = {
    en: 'abcdefghijklmnopqrstuvwxyz',
    pl: 'abcdefghijklmnoprstuwyząćęłńóśźż',
    da: 'abcdefghijklmnoprstuvyæøå',
    ru: 'абвгдежзийклмнопрстуфхцчшщыьэюя',
    sl: 'abcčdefghijklmnoprsštuvzž',
  };
  const wordArb = (language: ThemeLanguage) =>
    fc.array(fc.constantFrom(...ALPHABET[language].split('')), { minLength: 2, maxLength: 12 }).map((cs) => cs.join(''));
  const caseArb = fc
    .tuple(languageArb, fc.integer({ min: 0, max: 1_000_000 }))
    .chain(([language]) =>
      fc.record({
        language: fc.constant(language),
        keyword: fc.array(wordArb(language), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
        before: fc.array(wordArb(language), { maxLength: 5 }),
        after: fc.array(wordArb(language), { maxLength: 5 }),
      }),
    );

  it('always finds a keyword that appears verbatim in the comment', () => {
    fc.assert(
      fc.property(caseArb, ({ language, keyword, before, after }) => {
        fc.pre(stemsOf(keyword, language).length > 0);
        const text = [...before, keyword, ...after].join(' ');
        expect(match(language, text, { [language]: [keyword] })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores letter case and punctuation around words', () => {
    fc.assert(
      fc.property(caseArb, ({ language, keyword, before, after }) => {
        const text = [...before, keyword, ...after].join(' ');
        const themes = [theme('k', { [language]: [keyword] }), theme('b', { [language]: before.slice(0, 1) })];
        const plain = matchThemes(themes, language, [text]);
        expect(matchThemes(themes, language, [text.toUpperCase()])).toEqual(plain);
        expect(matchThemes(themes, language, [`«${text.split(' ').join(', ')}!»`])).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('answers a subset of the themes, each once, and never a theme without keywords in the language', () => {
    fc.assert(
      fc.property(caseArb, languageArb, ({ language, keyword, before }, other) => {
        fc.pre(other !== language);
        const themes = [theme('x', { [other]: [keyword] }), theme('y', { [language]: [keyword] }), theme('z', {})];
        const found = matchThemes(themes, language, [[...before, keyword].join(' '), keyword]);
        expect(new Set(found).size).toBe(found.length);
        expect(found.every((id) => id === 'y')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
