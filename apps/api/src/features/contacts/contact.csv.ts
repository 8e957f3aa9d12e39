import { parse } from 'csv-parse/sync';
import { CONTACT_COLUMNS, MAX_SEGMENTS, MAX_SEGMENT_KEY, snakeKey, type ContactCandidate } from './contact.rules.js';
import type { RowError } from './contact.types.js';

/** One data row of a contacts file, with the line it starts on (the header is line 1). */
export interface CsvContactRow {
  line: number;
  candidate: ContactCandidate;
}

export type ParsedContactsFile =
  | { ok: true; rows: CsvContactRow[]; segmentKeys: string[]; errors: RowError[] }
  | { ok: false; errors: RowError[] };

const rowError = (line: number, field: string | null, message: string): RowError => ({ line, field, message });

interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits the text into records, each with the line it starts on. Quotes, a BOM, CRLF and line
 * breaks inside quoted cells are handled by csv-parse; blank lines (and rows of empty cells) are
 * skipped. A syntax error (an unclosed quote, ...) comes back as the line of the record it broke.
 */
function records(text: string): { records: CsvRecord[] } | { error: RowError } {
  let lastLine = 0;
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const out: CsvRecord[] = [];
    let previousEnd = 0;
    for (const { record, info } of parsed) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.some((cell) => cell.trim() !== '')) out.push({ line, cells: record });
    }
    return { records: out };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/ at line \d+.*$/s, '') : 'The file is not valid CSV';
    return { error: rowError(lastLine + 1, null, `Not valid CSV: ${message}`) };
  }
}

/**
 * Reads a contacts file: a header row `email,name,language,owner_email,org_unit` (in any order,
 * names normalised to lower snake_case) and, after it, any other column as a segment. The rows'
 * values are not checked here: that is contact.rules.ts, the same for import and createContact.
 */
export function readContactsFile(text: string): ParsedContactsFile | { empty: true } {
  const read = records(text);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const [header, ...data] = read.records;
  if (!header) return { empty: true };

  const errors: RowError[] = [];
  const keys = header.cells.map((cell) => snakeKey(cell));
  const seen = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key === '') {
      if (data.some((row) => (row.cells[index] ?? '').trim() !== '')) {
        errors.push(rowError(header.line, null, `Column ${index + 1} has values but no name in the header`));
      }
    } else if (seen.has(key)) {
      errors.push(rowError(header.line, key, `Column "${key}" appears twice in the header`));
    } else if (key.length > MAX_SEGMENT_KEY) {
      errors.push(rowError(header.line, key, `Column name "${key}" is longer than ${MAX_SEGMENT_KEY} characters`));
    }
    if (key !== '' && !seen.has(key)) seen.set(key, index);
  });
  for (const column of CONTACT_COLUMNS) {
    if (!seen.has(column)) {
      errors.push(rowError(header.line, column, `The header has no "${column}" column; it needs ${CONTACT_COLUMNS.join(',')}`));
    }
  }
  const segmentKeys = [...seen.keys()].filter((key) => !(CONTACT_COLUMNS as readonly string[]).includes(key));
  if (segmentKeys.length > MAX_SEGMENTS) {
    errors.push(rowError(header.line, null, `The file has ${segmentKeys.length} segment columns; at most ${MAX_SEGMENTS}`));
  }
  if (errors.length > 0) return { ok: false, errors };

  const at = (cells: string[], column: string) => cells[seen.get(column)!] ?? '';
  const rows: CsvContactRow[] = [];
  for (const { line, cells } of data) {
    if (cells.length > header.cells.length) {
      errors.push(rowError(line, null, `The row has ${cells.length} cells but the header has ${header.cells.length} columns`));
      continue;
    }
    const owner = at(cells, 'owner_email').trim();
    const orgUnit = at(cells, 'org_unit').trim();
    rows.push({
      line,
      candidate: {
        email: at(cells, 'email'),
        name: at(cells, 'name'),
        language: at(cells, 'language'),
        owner: owner ? { by: 'email', value: owner } : null,
        orgUnit: orgUnit ? { by: 'name', value: orgUnit } : null,
        segments: segmentKeys.map((key) => ({ key, value: at(cells, key) })),
      },
    });
  }
  return { ok: true, rows, segmentKeys, errors };
}
