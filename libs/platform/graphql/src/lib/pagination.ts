import { Type } from '@nestjs/common';
import { ArgsType, Field, FieldMiddleware, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './errors';

@ObjectType({ description: 'Where a page stands in its list (Relay cursor pagination).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow: ask again with `after` set to `endCursor`.' })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Whether this page was asked for with a cursor (items come before it).' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of the page, to pass as `after` for the next page; null when the page is empty.',
  })
  endCursor!: string | null;
}

@ArgsType()
@InputType('PageArgsInput')
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /**
   * How many items the whole list holds (every page, the same filters), counted only when a client asks for the field
   * (the field's middleware calls it: Nest's resolver of a plain field hands back the property as it is).
   */
  totalCount: () => Promise<number>;
}

/** Calls the connection's count when `totalCount` is asked for, and only then. */
const countWhenAsked: FieldMiddleware = async (_context, next) => {
  const count: unknown = await next();
  return typeof count === 'function' ? (count as () => Promise<number>)() : count;
};

/** A Relay connection type for `node`: `<Name>Connection` with `<Name>Edge`s. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to read the items that follow.' })
    cursor!: string;
    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor pagination).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of the page, in the order of the list.' })
    edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursors to ask for them.' })
    pageInfo!: PageInfo;
    @Field(() => Int, {
      description: 'How many items the whole list holds with the same filters, all pages together (counted when asked for).',
      middleware: [countWhenAsked],
    })
    totalCount!: () => Promise<number>;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Keyset position: the sort value and the id of an item. Opaque to clients. */
export type CursorKey = [sortValue: string, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a keyset cursor (an ISO time and an id), refusing anything this API did not issue. */
export function decodeCursor(cursor: string, field = 'after'): CursorKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      ISO_TIME.test(value[0]) &&
      !Number.isNaN(Date.parse(value[0])) &&
      UUID.test(value[1])
    ) {
      return value as CursorKey;
    }
  } catch {
    // fall through
  }
  throw badInput(field, 'is not a cursor returned by this API');
}

export function pageSize(args: PageArgs): number {
  return args.first ?? 20;
}

/**
 * Builds the connection from `size + 1` rows fetched in order: the extra row
 * only tells that a next page exists.
 */
export function toConnection<R, T>(
  rows: R[],
  size: number,
  key: (row: R) => CursorKey,
  map: (row: R) => T,
  hasPrevious: boolean,
  count: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(key(row)), node: map(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: count,
  };
}

/** The page a repository is asked for: `size + 1` rows after the decoded cursor. */
export interface KeysetPage {
  size: number;
  after?: CursorKey;
}

/**
 * One list field from end to end: decode the cursor, fetch `size + 1` rows in
 * keyset order, build the connection. Rows are keyed by a time and an id.
 * `count` counts the whole list with the same filters (`SELECT count(*)` with
 * the page query's WHERE, without the cursor); it runs only when asked for.
 */
export async function paginate<R, T>(
  args: PageArgs,
  fetch: (page: KeysetPage) => Promise<R[]>,
  key: (row: R) => [Date, string],
  map: (row: R) => T,
  count: () => Promise<number>,
): Promise<Connection<T>> {
  const size = pageSize(args);
  const rows = await fetch({ size, after: args.after ? decodeCursor(args.after) : undefined });
  return toConnection(
    rows,
    size,
    (row) => {
      const [time, id] = key(row);
      return [time.toISOString(), id];
    },
    map,
    !!args.after,
    count,
  );
}
