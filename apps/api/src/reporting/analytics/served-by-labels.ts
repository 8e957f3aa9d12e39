import type { Context } from '../../kernel/context.js';

const USER_KEY = /^user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The names of serving employees, by their served_by key: a user (`user:<uuid>`) by their current
 * name (batched through the user loader); anyone else (`ext:<external id>`, or a user no longer
 * found) by the latest name an answer gave with the key — one statement for all keys, an index
 * probe each (responses_served_by_idx, migration TransactionRollups) — or else the key's id.
 */
export async function servedByLabels(ctx: Context, organizationId: string, keys: readonly string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const userIds = new Map<string, string>();
  for (const key of keys) {
    const id = USER_KEY.exec(key)?.[1];
    if (id) userIds.set(key, id.toLowerCase());
  }
  const users = await ctx.loaders.user.loadMany([...userIds.values()]);
  [...userIds.keys()].forEach((key, i) => {
    const user = users[i];
    if (user && !(user instanceof Error)) labels.set(key, user.name);
  });
  const rest = keys.filter((k) => !labels.has(k));
  if (rest.length > 0) {
    const rows: { key: string; name: string | null }[] = await ctx.db.query(
      `SELECT k.key, (SELECT r.served_by_name FROM responses r
                       WHERE r.organization_id = $1 AND r.served_by = k.key AND r.served_by_name IS NOT NULL
                       ORDER BY r.submitted_at DESC LIMIT 1) AS name
         FROM unnest($2::text[]) AS k(key)`,
      [organizationId, rest],
    );
    for (const row of rows) labels.set(row.key, row.name ?? row.key.replace(/^(user|ext):/, ''));
  }
  return labels;
}
