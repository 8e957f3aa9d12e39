/**
 * PostgreSQL's unique_violation (23505), as pg raises it directly or TypeORM wraps it: a race on a
 * unique index, which callers turn into the same CONFLICT as their own check. With `constraint`,
 * only a violation of that index.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const driver = e?.driverError ?? e;
  return driver?.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}
