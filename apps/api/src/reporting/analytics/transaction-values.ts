import { Field, ObjectType } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { analyticsAccess } from './nps-scope.js';
import { servedByLabels } from './served-by-labels.js';

/**
 * The values the transaction attributes take in the organization's identified answers, to offer
 * as NpsFilter choices (products, channels, servedBy, touchpoints): read from the rollup's month
 * rows (nps_rollup_dim_idx), one statement whatever the number of answers, plus the serving
 * employees' names (servedByLabels). Employee answers carry no transaction: a caller who reads
 * employee results only gets empty lists.
 */

/** At most this many values per attribute (the most frequent first would need counts; A–Z is what a picker shows). */
export const MAX_VALUES = 500;

@ObjectType('ServedByOption', { description: 'A serving employee as a filter choice' })
export class ServedByOption {
  @Field(() => String, { description: 'The key NpsFilter.servedBy takes: user:<id> or ext:<external id>' })
  key: string;

  @Field(() => String)
  name: string;
}

@ObjectType('TransactionValues', { description: 'The values present in identified answers, per transaction attribute, A–Z (at most 500 each)' })
export class TransactionValues {
  @Field(() => [String])
  products: string[];

  @Field(() => [String])
  channels: string[];

  @Field(() => [String])
  touchpoints: string[];

  @Field(() => [ServedByOption], { description: 'By name' })
  servedBy: ServedByOption[];
}

const empty = () => Object.assign(new TransactionValues(), { products: [], channels: [], touchpoints: [], servedBy: [] });

export async function transactionValues(ctx: Context, audience: Audience | null): Promise<TransactionValues> {
  const organizationId = orgOf(ctx);
  if (audience === 'EMPLOYEE' || !analyticsAccess(ctx.principal!).identified) return empty();
  const scores = Array.from({ length: 11 }, (_, s) => `s${s}`).join(' + ');
  const rows: { dim: string; value: string }[] = await ctx.db.query(
    `SELECT dim, dim_value AS value FROM nps_rollup
      WHERE organization_id = $1 AND grain = 'M' AND dim IN ('product', 'channel', 'served_by', 'touchpoint')
        AND audience <> 'EMPLOYEE' AND ($2::text IS NULL OR audience = $2)
      GROUP BY dim, dim_value HAVING sum(${scores}) > 0
      ORDER BY dim, dim_value`,
    [organizationId, audience],
  );
  const of = (dim: string) => rows.filter((r) => r.dim === dim).map((r) => r.value).slice(0, MAX_VALUES);
  const keys = of('served_by');
  const names = await servedByLabels(ctx, organizationId, keys);
  return Object.assign(new TransactionValues(), {
    products: of('product'),
    channels: of('channel'),
    touchpoints: of('touchpoint'),
    servedBy: keys.map((key) => Object.assign(new ServedByOption(), { key, name: names.get(key) ?? key })).sort((a, b) => a.name.localeCompare(b.name)),
  });
}
