import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detectDelimiter, readCsvFile, type CsvColumns } from './csv-file.js';
import { CsvSyntaxError, csvFileRows, estimateRows } from './csv-stream.js';

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

describe('csvFileRows (the streaming reader of uploaded files)', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csv-stream-'));
    const file = path.join(dir, 'f.csv');
    writeFileSync(file, text);
    return file;
  };
  const streamed = async (text: string) => {
    const rows = [];
    try {
      for await (const row of csvFileRows(write(text))) rows.push(row);
    } catch (error) {
      if (error instanceof CsvSyntaxError) return { error: error.rowError };
      throw error;
    }
    return { rows };
  };

  it.each([
    ['\uFEFFemail;name\r\na@b.c;"A;\nB"\r\n\r\n;\r\nc@d.e;C\r\n'],
    ['email,name\n"a@b.c","x""y"\n,\n\nc@d.e,C'],
    ['email\tname\na\tb\n'],
  ])('reads %j as readCsvFile does: the same rows, lines and cells', async (text) => {
    const expected = readCsvFile(text, { required: ['email'], others: { keep: true, maxOthers: 10, othersNoun: 'segment' }, maxColumnName: 64 });
    if (!('ok' in expected) || !expected.ok) throw new Error('the sample is valid');
    const { rows } = await streamed(text);
    expect(rows!.slice(1)).toEqual(expected.table.rows);
    expect(rows![0].line).toBe(expected.table.headerLine);
    expect(await estimateRows(write(text))).toBe(expected.table.rows.length);
  });

  it('names the line of a syntax error as readCsvFile does', async () => {
    const text = 'email,name\na@b.c,A\nb@c.d,"B\n';
    const sync = readCsvFile(text, COLUMNS);
    expect(await streamed(text)).toEqual({ error: (sync as { errors: unknown[] }).errors[0] });
  });

  it('lists an unnamed column with values where its column is among the header errors', () => {
    const read = readCsvFile('email,,email,x\na,1,b,c\n', { required: ['email', 'name'], others: { keep: false }, maxColumnName: 64 });
    expect((read as { errors: { reason: string }[] }).errors.map((e) => e.reason)).toEqual(['CSV_UNNAMED_COLUMN', 'CSV_REPEATED_COLUMN', 'CSV_UNKNOWN_COLUMN', 'CSV_MISSING_COLUMN']);
  });
});
