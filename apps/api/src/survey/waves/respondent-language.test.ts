import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { publicTitleIn, respondentLanguage, translatedIn } from './respondent-language.js';

describe('respondentLanguage', () => {
  it("takes the person's language when the wave has it, else the wave's first", () => {
    expect(respondentLanguage(['en', 'pl'], 'pl')).toBe('pl');
    expect(respondentLanguage(['en', 'pl'], 'da')).toBe('en');
    expect(respondentLanguage(['pl', 'en'], 'da')).toBe('pl');
    expect(respondentLanguage(['en', 'pl'], null)).toBe('en');
    expect(respondentLanguage(['en', 'pl'], 'PL-pl')).toBe('pl');
  });

  it('always answers one of the wave languages', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('en', 'pl', 'da', 'ru', 'sl'), { minLength: 1 }), fc.option(fc.string()), (languages, own) => {
        expect(languages).toContain(respondentLanguage(languages, own));
      }),
    );
  });
});

describe('publicTitleIn and translatedIn', () => {
  it('fall back to a neutral default and to the original', () => {
    expect(publicTitleIn({ pl: 'Ankieta klienta' }, 'pl')).toBe('Ankieta klienta');
    expect(publicTitleIn({ pl: 'Ankieta klienta' }, 'en')).toBe('Feedback survey');
    expect(publicTitleIn({}, 'da')).toBe('Feedbackundersøgelse');
    expect(translatedIn('Price', { pl: 'Cena' }, 'pl')).toBe('Cena');
    expect(translatedIn('Price', { pl: 'Cena' }, 'da')).toBe('Price');
    expect(translatedIn('Price', { pl: ' ' }, 'pl')).toBe('Price');
  });
});
