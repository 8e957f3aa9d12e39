import { describe, expect, it } from 'vitest';
import { changeText, packFileName, pdfUrl } from './team-pack';

describe('team pack helpers', () => {
  it('signs the change with one decimal', () => {
    expect(changeText(4.25)).toBe('+4.3');
    expect(changeText(-3)).toBe('−3.0');
    expect(changeText(0)).toBe('0.0');
    expect(changeText(null)).toBe('–');
  });

  it('asks for the PDF in the page’s language', () => {
    expect(pdfUrl('/team-packs/w/u.pdf', 'ru')).toBe('/team-packs/w/u.pdf?lang=ru');
    expect(pdfUrl('/team-packs/w/u.pdf', 'pl-PL')).toBe('/team-packs/w/u.pdf?lang=pl');
  });

  it('names the file in ASCII', () => {
    expect(packFileName('Sales EU', 'Kunder · 3. nov.')).toBe('team-pack-sales-eu-kunder-3-nov.pdf');
    expect(packFileName('Отдел', 'Pulse')).toBe('team-pack-team-pulse.pdf');
  });
});
