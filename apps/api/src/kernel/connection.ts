import { Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors.js';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The Relay-style XConnection and XEdge types for a node type. */
export function ConnectionType<T extends object>(name: string, Node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => Node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  /** NEWEST_FIRST (the default) or OLDEST_FIRST; a cursor pages on in the order it was made in. */
  order?: ListOrder | null;
}

export const LIST_ORDERS = ['NEWEST_FIRST', 'OLDEST_FIRST'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];
export const ListOrderEnum = { NEWEST_FIRST: 'NEWEST_FIRST', OLDEST_FIRST: 'OLDEST_FIRST' } as const;
registerEnumType(ListOrderEnum, {
  name: 'ListOrder',
  description: 'The order of a list by its time (submittedAt, createdAt) and id: stable under inserts and updates, so an incremental sync can page OLDEST_FIRST',
});

const MAX_PAGE = 100;

type Cursor = [string, string];

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') && !Number.isNaN(Date.parse(value[0]))) {
      return value as Cursor;
    }
  } catch {
    // fall through
  }
  throw badInput('after', 'The cursor is not valid; pass an endCursor from an earlier page');
}

/**
 * Keyset pagination, newest first (or oldest first), on a timestamp column and the id: stable under
 * inserts, and each page costs the same however deep it is. `time` names the timestamp property of
 * the alias.
 */
export async function paginate<E extends ObjectLiteral & { id: string }, N>(
  qb: SelectQueryBuilder<E>,
  args: PageArgs,
  columns: { alias: string; time: keyof E & string },
  toNode: (row: E) => N = (row) => row as unknown as N,
): Promise<Connection<N>> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}`);
  const totalCount = await qb.clone().getCount();
  const page = qb.clone();
  const id = `${columns.alias}.id`;
  const time = `${columns.alias}.${columns.time}`;
  // The cursor carries the timestamp as PostgreSQL's own text, to the microsecond: a JS Date
  // keeps milliseconds only, and rows written in the same millisecond would be skipped.
  const column = page.expressionMap.mainAlias!.metadata.findColumnWithPropertyName(columns.time)!.databaseName;
  page.addSelect(`to_char("${columns.alias}"."${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_time');
  const direction = args.order === 'OLDEST_FIRST' ? 'ASC' : 'DESC';
  if (args.after) {
    const [afterTime, afterId] = decode(args.after);
    // (time, id) past the cursor, written so that the time alone bounds an index range scan.
    const past = direction === 'ASC' ? '>' : '<';
    page.andWhere(`${time} ${past}= CAST(:cursorTime AS timestamptz) AND (${time} ${past} CAST(:cursorTime AS timestamptz) OR ${id} ${past} :cursorId)`, {
      cursorTime: afterTime,
      cursorId: afterId,
    });
  }
  const { entities, raw } = await page.orderBy(time, direction).addOrderBy(id, direction).limit(first + 1).getRawAndEntities();
  const hasNextPage = entities.length > first;
  const edges = entities.slice(0, first).map((row, i) => ({ cursor: encode([raw[i].cursor_time as string, row.id]), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/**
 * A list filter's free text as an ILIKE pattern (%text%, with %, _ and \\ taken literally), or
 * null when there is none. More than 100 characters is BAD_USER_INPUT naming filter.search.
 */
export function searchPattern(search: string | null | undefined): string | null {
  const text = (search ?? '').trim();
  if (!text) return null;
  if ([...text].length > 100) throw badInput('filter.search', 'Search for at most 100 characters');
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
