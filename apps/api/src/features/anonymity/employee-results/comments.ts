/**
 * The comments of a group of employee answers, only when the guard releases the group.
 */
import { randomInt } from 'node:crypto';
import type { Context } from '../../../graphql/context.js';
import type { NpsFilter } from '../../analytics/nps-filter.input.js';
import { resolveNpsScope } from '../../analytics/nps-scope.js';
import { CommentsResult } from '../employee-results.types.js';
import { allOf, Params, selectionOf } from './counts.js';
import { guardedGroup } from './guarded.js';

/** Fisher–Yates with a cryptographic generator: the order says nothing about who wrote what, or when. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The reasons and suggestions of a group of employee answers, only when the group passes the same
 * guard as its npsSummary: each text on its own (a reason is not paired with its suggestion),
 * blank ones left out, shuffled, without score, date or attribute.
 */
export async function employeeComments(ctx: Context, filter: NpsFilter): Promise<CommentsResult> {
  const scope = await resolveNpsScope(ctx, filter, { employeeOnly: true });
  if (scope.kind !== 'employee') throw new Error('employeeOnly scope must be an employee scope');
  const { verdict } = await guardedGroup(ctx, scope.filter);
  if (!verdict.released) return Object.assign(new CommentsResult(), { suppressed: true, comments: [] });
  const params = new Params();
  const sel = selectionOf(scope.filter, params);
  const rows: { text: string }[] = await ctx.db.query(
    `${sel.with}
     SELECT btrim(t.text) AS text
       FROM employee_answers a ${sel.join}
      CROSS JOIN LATERAL (VALUES (a.reason), (a.suggestion)) AS t(text)
      WHERE a.organization_id = ${sel.org} AND ${allOf(sel.predicates)} AND nullif(btrim(t.text), '') IS NOT NULL`,
    params.values,
  );
  return Object.assign(new CommentsResult(), { suppressed: false, comments: shuffled(rows.map((r) => r.text)) });
}
