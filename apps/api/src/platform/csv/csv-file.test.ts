import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsvFile, type CsvColumns } from './csv-file.js';

const COLUMNS: CsvColumns = { required: ['email'], others: { keep: true, maxOthers: 10, othersNoun: 'segment' }, maxColumnName: 64 };

describe('detectDelimiter', () => {
  it.each([
    ['email,name\na@b.c,A', ','],
    ['\uFEFFemail;name;language\na@b.c;"A, B";pl', ';'],
    ['email\tname\na@b.c\tA', '\t'],
    ['"e,mail";name;x\n', ';'],
    ['email\n', ','],
  ])('reads %j as %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads back any table written with any of the three delimiters, cells holding the others included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ł', ' ', ',', ';', '\t', '"', '\n', '1'), maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.integer({ min: 2, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 5 }), (delimiter, width, rows) => {
        const header = ['email', 'name', 'region', 'tier'].slice(0, width);
        const body = rows.map((r) => r.slice(0, width)).filter((r) => r.some((c) => c.trim() !== ''));
        const text = stringify([header, ...body], { delimiter, quoted_match: /[,;\t]/ });
        const read = readCsvFile(text, COLUMNS);
        expect(read).toMatchObject({ ok: true });
        if (!('ok' in read) || !read.ok) return;
        expect(read.table.rows.map((r) => r.cells)).toEqual(body);
      }),
    );
  });
});
