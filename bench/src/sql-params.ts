/**
 * PostgreSQL refuses a parameter a statement does not use ("could not determine data type of
 * parameter $7"), so a statement built from shared pieces takes only the parameters it refers to:
 * they are renumbered $1.. in their order, and the rest of the list is dropped.
 */
export function usedParams(sql: string, params: readonly unknown[]): { text: string; values: unknown[] } {
  const used = [...new Set([...sql.matchAll(/\$(\d+)\b/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const missing = used.filter((n) => n < 1 || n > params.length);
  if (missing.length) throw new Error(`the statement refers to $${missing.join(', $')} but has ${params.length} parameters`);
  const renumbered = new Map(used.map((n, i) => [n, i + 1]));
  return { text: sql.replace(/\$(\d+)\b/g, (_, n: string) => `$${renumbered.get(Number(n))}`), values: used.map((n) => params[n - 1]) };
}
