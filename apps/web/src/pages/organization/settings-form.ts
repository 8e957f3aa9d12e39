/** The four bands the app names (bands.* in the locales), lowest first. */
export const BAND_KEYS = ['needs_work', 'good', 'great', 'excellent'] as const;
const DEFAULT_MINS: Record<(typeof BAND_KEYS)[number], number> = { needs_work: -100, good: 0, great: 30, excellent: 50 };

export interface BandRow {
  key: (typeof BAND_KEYS)[number];
  min: number;
  /** The lowest band always starts at -100. */
  fixed: boolean;
}

/** The organization's bands as the form's four rows; a key the app does not name takes its default. */
export function bandsToForm(bands: readonly { key: string; min: number }[]): BandRow[] {
  const byKey = new Map(bands.map((b) => [b.key, b.min]));
  return BAND_KEYS.map((key, i) => ({ key, min: i === 0 ? -100 : (byKey.get(key) ?? DEFAULT_MINS[key]), fixed: i === 0 }));
}

/** The form's rows as the API's bands (the server checks the order and range). */
export const bandsFromForm = (rows: readonly BandRow[]) => rows.map((r) => ({ key: r.key, min: Number(r.min) }));

/** Time zones to choose from: the browser's list of IANA zones, or a few common ones. */
export const TIME_ZONES: string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? ['Europe/Copenhagen', 'Europe/Ljubljana', 'Europe/London', 'Europe/Moscow', 'Europe/Warsaw'];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
})();
