import type { CsvColumns, CsvRow, CsvTable } from '../../platform/csv/csv-file.js';
import { rowError } from '../../platform/csv/csv-file.js';
import type { RowError } from '../../platform/csv/import-result.types.js';
import { checkEmail, checkLanguage, checkName, clean } from '../../identity/people/person-fields.js';

/**
 * The employee roster file: `email,name,language,org_unit,location,tenure_band` (in any order,
 * names normalised to lower snake_case). location and tenure_band may be left out of the header:
 * a re-import without the column keeps what each person has. Any other column is refused, so a
 * misspelt column is not silently dropped. Reading the file is platform/csv.
 */
export const ROSTER_CSV_COLUMNS: CsvColumns = {
  required: ['email', 'name', 'language', 'org_unit'],
  optional: ['location', 'tenure_band'],
  others: { keep: false },
  maxColumnName: 64,
};

/** Longest location or tenure band, in characters. */
export const MAX_ATTRIBUTE = 100;

/** One person of the roster as checked. */
export interface RosterValues {
  email: string;
  name: string;
  language: string;
  orgUnitId: string | null;
  location: string | null;
  tenureBand: string | null;
}

/**
 * Checks one row against the organization's org units (lower-cased name → id): the values when
 * every rule holds, and the email whenever it is valid (for the duplicate check). Messages never
 * repeat the employee's email; the column at fault is the error's field.
 */
export function checkRosterRow(
  table: CsvTable,
  row: CsvRow,
  unitByName: Map<string, string>,
): { email: string | null; values: RosterValues | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const email = checkEmail(table.cell(row, 'email'), { quote: false });
  const problem = (field: string, p: { message: string; reason: string; params?: Record<string, string | number> }) =>
    errors.push(rowError(row.line, field, p.message, p.reason, p.params));
  if (email.problem) problem('email', email.problem);
  const name = checkName(table.cell(row, 'name'));
  if (name.problem) problem('name', name.problem);
  const language = checkLanguage(table.cell(row, 'language'));
  if (language.problem) problem('language', language.problem);

  const unitName = clean(table.cell(row, 'org_unit'));
  const orgUnitId = unitName ? (unitByName.get(unitName.toLowerCase()) ?? null) : null;
  if (unitName && !orgUnitId) errors.push(rowError(row.line, 'org_unit', `No org unit named "${unitName}" in your organization`, 'ORG_UNIT_UNKNOWN', { value: unitName }));

  const attribute = (column: 'location' | 'tenure_band', label: string): string | null => {
    const value = clean(table.cell(row, column));
    if (value.length > MAX_ATTRIBUTE) errors.push(rowError(row.line, column, `${label} is longer than ${MAX_ATTRIBUTE} characters`, 'VALUE_TOO_LONG', { max: MAX_ATTRIBUTE }));
    return value || null;
  };
  const location = attribute('location', 'The location');
  const tenureBand = attribute('tenure_band', 'The tenure band');

  if (errors.length > 0 || email.value === null || name.value === null || language.value === null) return { email: email.value, values: null, errors };
  return { email: email.value, values: { email: email.value, name: name.value, language: language.value, orgUnitId, location, tenureBand }, errors };
}
