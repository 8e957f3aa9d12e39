import { parse } from 'csv-parse/sync';
import type { ErrorParam, RowError } from './import-result.types.js';

/**
 * The generic part of every CSV import (contacts, employee roster): records with the line each
 * starts on, a header whose names are normalised to lower snake_case and checked against the
 * importer's columns, and rows with more cells than the header refused with their line. What the
 * values mean is the importer's business (contact.csv.ts, employees/roster.csv.ts).
 */

/** The values a message names: `{ reason: 'CSV_UNKNOWN_COLUMN', params: { column: 'mail' } }`. */
export type Params = Record<string, string | number>;

const paramList = (params: Params = {}): ErrorParam[] => Object.entries(params).map(([name, value]) => ({ name, value: String(value) }));

export const rowError = (line: number, field: string | null, message: string, reason: string, params?: Params): RowError => ({
  line,
  field,
  message,
  reason,
  params: paramList(params),
});

/** Header names and segment keys: "Business Area", "business-area" and "businessArea" are business_area. */
export function snakeKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** One record of the file, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The delimiter of a file, read off its header line: Excel writes semicolons where the decimal
 * separator is a comma (Polish, Danish, Russian, Slovenian settings), and tabs when copied from a
 * sheet. The character of the three that occurs most often outside quotes wins; comma on a tie.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (!quoted && char in counts) counts[char as CsvDelimiter]++;
  }
  return (Object.keys(counts) as CsvDelimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

/** csv-parse's options for a file: `onRecord` hears the last line of each record read. */
export function parseOptions(delimiter: CsvDelimiter, onRecord: (lastLine: number) => void) {
  return {
    delimiter,
    bom: true,
    info: true as const,
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record: string[], context: { lines: number }) => {
      onRecord(context.lines);
      return record;
    },
  };
}

/** A parsed record (with info) as a row starting after the previous record's last line; null for a blank one. */
export function rowOf(parsed: { record: string[]; info: { lines: number } }, previousEnd: number): CsvRow | null {
  return parsed.record.some((cell) => cell.trim() !== '') ? { line: previousEnd + 1, cells: parsed.record } : null;
}

/** A syntax error (an unclosed quote, ...) as the row error of the record it broke: the one after `lastLine`. */
export function syntaxError(lastLine: number, error: unknown): RowError {
  const message = error instanceof Error ? error.message.replace(/ at line \d+.*$/s, '') : 'The file is not valid CSV';
  return rowError(lastLine + 1, null, `Not valid CSV: ${message}`, 'CSV_SYNTAX', { detail: message });
}

/**
 * Splits the text into records, each with the line it starts on. The delimiter is detected
 * (detectDelimiter); quotes, a BOM, CRLF and line breaks inside quoted cells are handled by
 * csv-parse; blank lines (and rows of empty cells) are skipped. A syntax error (an unclosed quote,
 * ...) comes back as the line of the record it broke.
 */
function records(text: string): { records: CsvRow[] } | { error: RowError } {
  let lastLine = 0;
  try {
    const parsed = parse(text, parseOptions(detectDelimiter(text), (line) => (lastLine = line))) as unknown as { record: string[]; info: { lines: number } }[];
    const out: CsvRow[] = [];
    let previousEnd = 0;
    for (const record of parsed) {
      const row = rowOf(record, previousEnd);
      previousEnd = record.info.lines;
      if (row) out.push(row);
    }
    return { records: out };
  } catch (error) {
    return { error: syntaxError(lastLine, error) };
  }
}

/** The columns an importer takes. */
export interface CsvColumns {
  /** The header must name each of these. */
  required: readonly string[];
  /** The header may name these. */
  optional?: readonly string[];
  /**
   * Any other named column: `keep` it as an extra (the contacts' segments, at most `maxOthers`,
   * `othersNoun` naming them in the error), or `reject` it as a header error.
   */
  others: { keep: true; maxOthers: number; othersNoun: string } | { keep: false };
  /** Longest column name, in characters. */
  maxColumnName: number;
}

/** A file whose header passed: its rows, and the rows already refused for their shape. */
export interface CsvTable {
  headerLine: number;
  /** Columns of the header that are neither required nor optional (only with others.keep). */
  extras: string[];
  rows: CsvRow[];
  /** Rows with more cells than the header has columns. */
  errors: RowError[];
  /** Whether the header names this column. */
  has(column: string): boolean;
  /** A row's cell in this column, untrimmed; '' when the header lacks the column or the row is short. */
  cell(row: CsvRow, column: string): string;
}

export type CsvRead = { empty: true } | { ok: false; errors: RowError[] } | { ok: true; table: CsvTable };

/** What the header of a file says: its problems, where each column is, and the extra columns. */
export interface CsvHeader {
  line: number;
  /** Cells in the header (a row with more is refused). */
  width: number;
  /** Problems of the header itself; a file with any imports nothing and its rows are not looked at. */
  errors: RowError[];
  /** The column each error is about (Infinity for the file's), to list unnamed columns' errors in place. */
  errorColumns: number[];
  /** Columns without a name: an error only when some row has a value in them (see unnamedErrors). */
  unnamed: number[];
  index: Map<string, number>;
  extras: string[];
}

/**
 * Checks a header against an importer's columns: a repeated column, a name too long, an unknown
 * one when others are rejected, a required one missing, too many extra columns. Unnamed columns
 * are only listed: whether they are an error depends on the rows (unnamedErrors).
 */
export function checkHeader(header: CsvRow, columns: CsvColumns): CsvHeader {
  const known = new Set<string>([...columns.required, ...(columns.optional ?? [])]);
  const errors: RowError[] = [];
  const errorColumns: number[] = [];
  const unnamed: number[] = [];
  const keys = header.cells.map((cell) => snakeKey(cell));
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    const before = errors.length;
    if (key === '') {
      unnamed.push(i);
    } else if (index.has(key)) {
      errors.push(rowError(header.line, key, `Column "${key}" appears twice in the header`, 'CSV_REPEATED_COLUMN', { column: key }));
    } else if (key.length > columns.maxColumnName) {
      errors.push(
        rowError(header.line, key, `Column name "${key}" is longer than ${columns.maxColumnName} characters`, 'CSV_COLUMN_NAME_TOO_LONG', {
          column: key,
          max: columns.maxColumnName,
        }),
      );
    } else if (!columns.others.keep && !known.has(key)) {
      errors.push(rowError(header.line, key, `Unknown column "${key}"; the columns are ${[...known].join(',')}`, 'CSV_UNKNOWN_COLUMN', { column: key, columns: [...known].join(', ') }));
    }
    if (key !== '' && !index.has(key)) index.set(key, i);
    if (errors.length > before) errorColumns.push(i);
  });
  for (const column of columns.required) {
    if (!index.has(column)) {
      errors.push(
        rowError(header.line, column, `The header has no "${column}" column; it needs ${columns.required.join(',')}`, 'CSV_MISSING_COLUMN', {
          column,
          columns: columns.required.join(', '),
        }),
      );
    }
  }
  const extras = columns.others.keep ? [...index.keys()].filter((key) => !known.has(key)) : [];
  if (columns.others.keep && extras.length > columns.others.maxOthers) {
    errors.push(
      rowError(header.line, null, `The file has ${extras.length} ${columns.others.othersNoun} columns; at most ${columns.others.maxOthers}`, 'CSV_TOO_MANY_EXTRA_COLUMNS', {
        count: extras.length,
        max: columns.others.maxOthers,
      }),
    );
  }
  while (errorColumns.length < errors.length) errorColumns.push(Infinity);
  return { line: header.line, width: header.cells.length, errors, errorColumns, unnamed, index, extras };
}

/** The header's errors for unnamed columns that some row has a value in (`withValues`), on the header's line. */
export function unnamedErrors(header: CsvHeader, withValues: (column: number) => boolean): RowError[] {
  return header.unnamed
    .filter(withValues)
    .map((i) => rowError(header.line, null, `Column ${i + 1} has values but no name in the header`, 'CSV_UNNAMED_COLUMN', { column: i + 1 }));
}

/** Every header error in the order of the header's columns, as readCsvFile has always listed them. */
export function headerErrors(header: CsvHeader, withValues: (column: number) => boolean): RowError[] {
  const unnamed = header.unnamed.filter(withValues);
  if (unnamed.length === 0) return header.errors;
  const placed = [
    ...header.errors.map((error, i) => ({ at: header.errorColumns[i], error })),
    ...unnamedErrors(header, withValues).map((error, i) => ({ at: unnamed[i], error })),
  ];
  return placed.sort((a, b) => a.at - b.at).map((p) => p.error);
}

/** Whether a row has a value in a column (for unnamed columns). */
export const hasValue = (row: CsvRow, column: number) => (row.cells[column] ?? '').trim() !== '';

/** A row with more cells than the header has columns. */
export function tooManyCells(row: CsvRow, header: CsvHeader): RowError | null {
  if (row.cells.length <= header.width) return null;
  return rowError(row.line, null, `The row has ${row.cells.length} cells but the header has ${header.width} columns`, 'CSV_TOO_MANY_CELLS', {
    cells: row.cells.length,
    columns: header.width,
  });
}

/** Rows of a file under its (good) header as a table: the rows of the right shape, and the others refused. */
export function tableOf(header: CsvHeader, data: CsvRow[]): CsvTable {
  const rows: CsvRow[] = [];
  const errors: RowError[] = [];
  for (const row of data) {
    const error = tooManyCells(row, header);
    if (error) errors.push(error);
    else rows.push(row);
  }
  const { index } = header;
  return {
    headerLine: header.line,
    extras: header.extras,
    rows,
    errors,
    has: (column) => index.has(column),
    cell: (row, column) => {
      const i = index.get(column);
      return i === undefined ? '' : (row.cells[i] ?? '');
    },
  };
}

/**
 * Reads a CSV file against an importer's columns. Header problems (a repeated or missing column,
 * an unknown one when others are rejected, a column with values but no name) are all reported on
 * the header's line, and no row is looked at; otherwise the rows come back with the cells of each.
 */
export function readCsvFile(text: string, columns: CsvColumns): CsvRead {
  const read = records(text);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const [first, ...data] = read.records;
  if (!first) return { empty: true };
  const header = checkHeader(first, columns);
  const errors = headerErrors(header, (i) => data.some((row) => hasValue(row, i)));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, table: tableOf(header, data) };
}
