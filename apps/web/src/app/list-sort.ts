/**
 * Sorting a list page by one of its columns, on the client: lists are fetched newest first, a page
 * at a time, and a sort reorders what is on the page (the total and the search are the server's).
 * Missing values go last whatever the direction; ties keep the server's order.
 */
export type SortDirection = 'asc' | 'desc';

export function sortRows<T>(rows: readonly T[], value: ((row: T) => string | number | null | undefined) | null, direction: SortDirection, locale: string): T[] {
  if (!value) return [...rows];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const missingA = a.key === null || a.key === undefined;
      const missingB = b.key === null || b.key === undefined;
      if (missingA || missingB) return missingA === missingB ? a.index - b.index : missingA ? 1 : -1;
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}
