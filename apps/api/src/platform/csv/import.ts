import { badInput } from '../../kernel/errors.js';
import { readCsvFile, type CsvColumns, type CsvTable } from './csv-file.js';
import type { ImportResult, RowError } from './import-result.types.js';

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The answer to a file with errors: nothing imported, every error in line order. */
export const nothingImported = (errors: RowError[]): ImportResult => ({
  imported: 0,
  created: 0,
  updated: 0,
  deactivated: 0,
  errors: errors.sort((a, b) => a.line - b.line),
});

/**
 * Reads an import file. What is wrong with the file as a whole (too large, empty, a header but no
 * rows, too many rows) is a BAD_USER_INPUT error on `csv`; header and row-shape problems come back
 * as row errors. `noun` names the rows in messages ("contacts", "employees").
 */
export function readImportFile(csv: string, columns: CsvColumns, noun: string): { ok: false; errors: RowError[] } | { ok: true; table: CsvTable } {
  if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) {
    throw badInput('csv', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files`);
  }
  const file = readCsvFile(csv, columns);
  if ('empty' in file) throw badInput('csv', 'The file is empty');
  if (!file.ok) return file;
  const dataRows = file.table.rows.length + file.table.errors.length;
  if (dataRows === 0) throw badInput('csv', `The file has a header row but no ${noun}`);
  if (dataRows > MAX_IMPORT_ROWS) {
    throw badInput('csv', `The file has ${dataRows.toLocaleString('en')} ${noun}; at most ${MAX_IMPORT_ROWS.toLocaleString('en')} per import`);
  }
  return file;
}

/**
 * Remembers the first line of each key (an email) of a file: `repeatOf` answers the line a key
 * was first seen on when it comes again, or undefined (and remembers it) the first time.
 */
export function firstLines() {
  const first = new Map<string, number>();
  return {
    repeatOf(key: string, line: number): number | undefined {
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, line);
      return earlier;
    },
    lineOf: (key: string) => first.get(key),
  };
}
