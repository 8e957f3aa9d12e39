import DataLoader from 'dataloader';

/** Matches rows to the keys DataLoader asked for, in key order, null where nothing was found. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients; one that is not a uuid can only be a miss, never a database error. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A loader of one organization's rows by id: one query per batch, whatever the batch size. */
export function rowsById<V extends { id: string }>(
  organizationId: string | null,
  load: (organizationId: string, ids: string[]) => Promise<V[]>,
): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    if (!organizationId || valid.length === 0) return ids.map(() => null);
    return byKey(ids, await load(organizationId, valid), (row) => row.id);
  });
}
