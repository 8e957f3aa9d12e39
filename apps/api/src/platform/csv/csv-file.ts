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

/**
 * Splits the text into records, each with the line it starts on. The delimiter is detected
 * (detectDelimiter); quotes, a BOM, CRLF and line breaks inside quoted cells are handled by
 * csv-parse; blank lines (and rows of empty cells) are skipped. A syntax error (an unclosed quote,
 * ...) comes back as the line of the record it broke.
 */
function records(text: string): { records: CsvRow[] } | { error: RowError } {
  let lastLine = 0;
  try {
    const parsed = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const out: CsvRow[] = [];
    let previousEnd = 0;
    for (const { record, info } of parsed) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.some((cell) => cell.trim() !== '')) out.push({ line, cells: record });
    }
    return { records: out };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/ at line \d+.*$/s, '') : 'The file is not valid CSV';
    return { error: rowError(lastLine + 1, null, `Not valid CSV: ${message}`, 'CSV_SYNTAX', { detail: message }) };
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

/**
 * Reads a CSV file against an importer's columns. Header problems (a repeated or missing column,
 * an unknown one when others are rejected, a column with values but no name) are all reported on
 * the header's line, and no row is looked at; otherwise the rows come back with the cells of each.
 */
export function readCsvFile(text: string, columns: CsvColumns): CsvRead {
  const read = records(text);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const [header, ...data] = read.records;
  if (!header) return { empty: true };

  const known = new Set<string>([...columns.required, ...(columns.optional ?? [])]);
  const errors: RowError[] = [];
  const keys = header.cells.map((cell) => snakeKey(cell));
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key === '') {
      if (data.some((row) => (row.cells[i] ?? '').trim() !== '')) {
        errors.push(rowError(header.line, null, `Column ${i + 1} has values but no name in the header`, 'CSV_UNNAMED_COLUMN', { column: i + 1 }));
      }
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
  if (errors.length > 0) return { ok: false, errors };

  const rows: CsvRow[] = [];
  for (const row of data) {
    if (row.cells.length > header.cells.length) {
      errors.push(
        rowError(row.line, null, `The row has ${row.cells.length} cells but the header has ${header.cells.length} columns`, 'CSV_TOO_MANY_CELLS', {
          cells: row.cells.length,
          columns: header.cells.length,
        }),
      );
    } else {
      rows.push(row);
    }
  }
  return {
    ok: true,
    table: {
      headerLine: header.line,
      extras,
      rows,
      errors,
      has: (column) => index.has(column),
      cell: (row, column) => {
        const i = index.get(column);
        return i === undefined ? '' : (row.cells[i] ?? '');
      },
    },
  };
}
