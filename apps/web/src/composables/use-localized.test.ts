import { describe, expect, it } from 'vitest';
import { localized } from './use-localized';

describe('localized', () => {
  const translations = [
    { language: 'pl', text: 'Cena' },
    { language: 'da', text: '  ' },
  ];
  it('takes the translation in the language, else the original', () => {
    expect(localized('Price', translations, 'pl')).toBe('Cena');
    expect(localized('Price', translations, 'ru')).toBe('Price');
    expect(localized('Price', translations, 'da')).toBe('Price');
    expect(localized('Price', null, 'pl')).toBe('Price');
  });
});
