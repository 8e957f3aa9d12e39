/** What a query scenario is, and how an API answer is compared with the rows of its plain SQL scan. */

export interface Counts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}
export type Summary = Partial<Counts> & { suppressed?: boolean };

export interface Scenario {
  name: string;
  /** The Query field; the scenario is skipped (with a note) when the server does not serve it. */
  field: string;
  args: Record<string, unknown>;
  sql: string;
  /** Compares the API's answer with the scan's rows: null when nothing could be compared. */
  compare(data: unknown, rows: Record<string, unknown>[]): { exact: boolean | null; note?: string };
}

export const COUNTS_SQL = `count(*)::int AS responses, count(*) FILTER (WHERE category = 'PROMOTER')::int AS promoters,
  count(*) FILTER (WHERE category = 'PASSIVE')::int AS passives, count(*) FILTER (WHERE category = 'DETRACTOR')::int AS detractors`;

export const sameCounts = (api: Summary | null | undefined, sql: Partial<Counts> | undefined) =>
  !!api && (['responses', 'promoters', 'passives', 'detractors'] as const).every((k) => api[k] === undefined || (api[k] ?? 0) === (sql?.[k] ?? 0));

/** Compares groups ({ key, label, summary }) with rows keyed by `key` (or by label). */
export function compareGroups(groups: { key?: string; label?: string; summary?: Summary }[] | undefined, rows: Record<string, unknown>[]) {
  if (!Array.isArray(groups)) return { exact: null, note: 'unexpected shape' };
  // The scan's NULL key is the API's "unassigned" group (answers without the segment value, org unit…).
  const byKey = new Map(rows.map((r) => [r.key === null || r.key === undefined ? 'unassigned' : String(r.key), r as unknown as Counts]));
  const byLabel = new Map(rows.map((r) => [String(r.label ?? r.key), r as unknown as Counts]));
  let compared = 0;
  const wrong: string[] = [];
  for (const g of groups) {
    if (!g.summary || g.summary.suppressed) continue;
    const sql = byKey.get(String(g.key)) ?? byLabel.get(String(g.label));
    if (!sql && !g.summary.responses) continue;
    compared++;
    if (!sameCounts(g.summary, sql)) wrong.push(String(g.label ?? g.key));
  }
  if (compared === 0) return { exact: null, note: 'no group to compare' };
  return wrong.length ? { exact: false, note: `differs for ${wrong.slice(0, 3).join(', ')}${wrong.length > 3 ? '…' : ''}` } : { exact: true };
}

export const monthOf = (period: unknown) => /(\d{4})-(\d{2})/.exec(String(period))?.slice(1, 3).join('-');
