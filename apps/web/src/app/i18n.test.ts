import { describe, expect, it } from 'vitest';
import { createAppI18n, detectLocale, type Locale } from './i18n';

describe('detectLocale', () => {
  it('prefers the saved choice', () => {
    expect(detectLocale('ru', ['pl-PL'])).toBe('ru');
  });

  it('ignores a saved value we do not ship', () => {
    expect(detectLocale('de', ['da-DK'])).toBe('da');
  });

  it('takes the first browser language we ship, by primary subtag', () => {
    expect(detectLocale(null, ['de-DE', 'sl-SI', 'pl'])).toBe('sl');
    expect(detectLocale(null, ['PL'])).toBe('pl');
  });

  it('falls back to English', () => {
    expect(detectLocale(null, ['fr-FR', 'de'])).toBe('en');
    expect(detectLocale(null, [])).toBe('en');
  });
});

describe('plural forms', () => {
  const { t } = createAppI18n('en').global;
  const count = (locale: Locale, n: number) => t('organization.unitCount', n, { locale });

  it('follow each language', () => {
    expect([1, 2, 5].map((n) => count('en', n))).toEqual(['1 org unit', '2 org units', '5 org units']);
    expect([1, 2, 5, 22, 25].map((n) => count('pl', n))).toEqual([
      '1 jednostka',
      '2 jednostki',
      '5 jednostek',
      '22 jednostki',
      '25 jednostek',
    ]);
    expect([1, 3, 5, 21].map((n) => count('ru', n))).toEqual([
      '1 подразделение',
      '3 подразделения',
      '5 подразделений',
      '21 подразделение',
    ]);
    expect([1, 2, 3, 5, 101].map((n) => count('sl', n))).toEqual(['1 enota', '2 enoti', '3 enote', '5 enot', '101 enota']);
    expect([0, 1, 2].map((n) => count('da', n))).toEqual(['0 enheder', '1 enhed', '2 enheder']);
  });
});
