/** A problem of one row of an imported file. */
export interface ImportRowError {
  line: number;
  field?: string | null;
  message: string;
  /** A stable code for the message and its values, for the user's language (errors.reasons.*). */
  reason?: string | null;
  params?: { name: string; value: string }[] | null;
}

/** What a CSV import answered: rows written, or (with nothing written) every bad row. */
export interface ImportOutcome {
  imported: number;
  errors: readonly ImportRowError[];
}

/** People of one group of a preview: the count of all, the names of the first ones. */
export interface PreviewGroup {
  count: number;
  people: readonly { email: string; name: string }[];
}

/** The dry run of an import: the import's own errors, or who it adds, updates and marks as leaving. */
export interface ImportPreviewOutcome {
  errors: readonly ImportRowError[];
  added: PreviewGroup;
  updated: PreviewGroup;
  leaving: PreviewGroup;
}

/** Names shown per group before "and N more". */
export const NAMES_SHOWN = 8;

/** The names to show of a group, and how many of the group are not named. */
export function namesOf(group: PreviewGroup, shown = NAMES_SHOWN): { names: string[]; more: number } {
  const names = group.people.slice(0, shown).map((p) => p.name);
  return { names, more: Math.max(0, group.count - names.length) };
}

/** A confirmation is needed before an import that makes anyone a leaver. */
export const needsAcknowledgement = (preview: ImportPreviewOutcome) => preview.leaving.count > 0;

/** Nothing to do: no one added, updated or leaving. */
export const changesNothing = (preview: ImportPreviewOutcome) => preview.added.count + preview.updated.count + preview.leaving.count === 0;
