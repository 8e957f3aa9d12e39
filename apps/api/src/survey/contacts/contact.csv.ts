import type { CsvColumns, CsvTable } from '../../platform/csv/csv-file.js';
import { CONTACT_COLUMNS, OPTIONAL_CONTACT_COLUMNS, MAX_SEGMENTS, MAX_SEGMENT_KEY, type ContactCandidate } from './contact.rules.js';

/**
 * A contacts file: a header row `email,name,language,owner_email,org_unit` (in any order, names
 * normalised to lower snake_case), optionally `annual_value` (the account's yearly value; without
 * the column each contact keeps the value it has, an empty cell clears it) and any other column as
 * a segment. Reading the file
 * is platform/csv; the rows' values are checked by contact.rules.ts, the same for import and
 * createContact.
 */
export const CONTACT_CSV_COLUMNS: CsvColumns = {
  required: CONTACT_COLUMNS,
  optional: OPTIONAL_CONTACT_COLUMNS,
  others: { keep: true, maxOthers: MAX_SEGMENTS, othersNoun: 'segment' },
  maxColumnName: MAX_SEGMENT_KEY,
};

/** One data row of a contacts file, with the line it starts on (the header is line 1). */
export interface CsvContactRow {
  line: number;
  candidate: ContactCandidate;
}

/** The table's rows as contact candidates; the extra columns are the segments. */
export function contactRows(table: CsvTable): CsvContactRow[] {
  return table.rows.map((row) => {
    const owner = table.cell(row, 'owner_email').trim();
    const orgUnit = table.cell(row, 'org_unit').trim();
    return {
      line: row.line,
      candidate: {
        email: table.cell(row, 'email'),
        name: table.cell(row, 'name'),
        language: table.cell(row, 'language'),
        owner: owner ? { by: 'email', value: owner } : null,
        orgUnit: orgUnit ? { by: 'name', value: orgUnit } : null,
        segments: table.extras.map((key) => ({ key, value: table.cell(row, key) })),
        annualValue: table.has('annual_value') ? table.cell(row, 'annual_value') : undefined,
      },
    };
  });
}
