/** What a CSV import answered: rows written, or (with nothing written) every bad row. */
export interface ImportOutcome {
  imported: number;
  errors: readonly { line: number; field?: string | null; message: string }[];
}
