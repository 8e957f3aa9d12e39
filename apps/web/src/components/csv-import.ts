/** A problem of one row of an imported file. */
export interface ImportRowError {
  line: number;
  field?: string | null;
  message: string;
  /** A stable code for the message and its values, for the user's language (errors.reasons.*). */
  reason?: string | null;
  params?: { name: string; value: string }[] | null;
}

/** People of one group of a preview: the count of all, the names of the first ones. */
export interface PreviewGroup {
  count: number;
  people: readonly { email: string; name: string }[];
}

/** The dry run of a file without problems: who it adds, updates and marks as leaving. */
export interface ImportPreviewOutcome {
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

/** A file's size for people: KB below a megabyte, MB from there (1 decimal below 10). */
export function fileSize(bytes: number, locale: string): string {
  const format = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${format(mb, mb < 10 ? 1 : 0)} MB`;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Where a running import is, in words and as a share for its progress bar. */
export function progressText(
  step: 'idle' | 'uploading' | 'VALIDATING' | 'IMPORTING' | 'DONE' | 'FAILED',
  job: { rowsDone: number; rowsTotal?: number | null; progress: number } | null,
  count: (n: number) => string,
  t: Translate,
): { text: string; percent: number } {
  const percent = job ? Math.floor(Math.min(1, Math.max(0, job.progress)) * 100) : 0;
  const total = job?.rowsTotal ?? null;
  switch (step) {
    case 'uploading':
      return { text: t('csvImport.uploading'), percent: 0 };
    case 'VALIDATING':
      return total === null ? { text: t('csvImport.validatingStart'), percent: 0 } : { text: t('csvImport.validating', { done: count(job!.rowsDone), total: count(total) }), percent };
    case 'IMPORTING':
      if (total !== null && job!.rowsDone >= total) return { text: t('csvImport.writing'), percent: 100 };
      return { text: t('csvImport.importingRows', { done: count(job?.rowsDone ?? 0), total: count(total ?? 0) }), percent };
    default:
      return { text: '', percent };
  }
}
