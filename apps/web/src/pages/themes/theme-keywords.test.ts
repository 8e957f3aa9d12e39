import { describe, expect, it } from 'vitest';
import { keywordEntries, keywordTexts } from './theme-keywords';

describe('theme keywords in the form', () => {
  it('shows every language, with its words separated by commas', () => {
    expect(keywordTexts([{ language: 'pl', words: ['cena', 'za drogo'] }])).toEqual({ en: '', pl: 'cena, za drogo', da: '', ru: '', sl: '' });
  });
  it('splits on commas and new lines, drops blanks and languages without words', () => {
    expect(keywordEntries({ en: ' price ,\ncost,, ', pl: '', da: '  ', ru: 'цена', sl: '' })).toEqual([
      { language: 'en', words: ['price', 'cost'] },
      { language: 'ru', words: ['цена'] },
    ]);
  });
  it('round-trips', () => {
    const entries = [{ language: 'da', words: ['pris', 'dyr'] }];
    expect(keywordEntries(keywordTexts(entries))).toEqual(entries);
  });
});
