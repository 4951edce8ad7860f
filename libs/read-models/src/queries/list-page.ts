import type { Collection, Document, Filter } from 'mongodb';

export interface Page<T> {
  items: T[];
  next: string | null;
}

export const defaultLimit = 50;
export const maxLimit = 500;

/** Opaque to clients: the `_id` after which the next page starts. */
export const encodeCursor = (lastId: string): string =>
  Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');

export function decodeCursor(cursor: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    return typeof parsed.after === 'string' ? parsed.after : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The filter of the page after `after`. The cursor bound joins the filter's own fields rather than an `$and` around
 * it: FerretDB pushes only top-level fields down to its storage (on PostgreSQL the equality filters and, patched in
 * by deploy/local/ferretdb, the `_id` bound), so an `$and` made every later page read the whole collection. A filter
 * that constrains `_id` itself keeps both constraints under `$and`.
 */
export function afterCursor<T extends Document>(filter: Filter<T>, after?: string): Filter<T> {
  if (after === undefined) return filter;
  const bound = { _id: { $gt: after } };
  return ('_id' in filter ? { $and: [filter, bound] } : { ...filter, ...bound }) as Filter<T>;
}

/**
 * One page in `_id` order (record ids are UUIDv7, so this is creation order and never changes for a record): a
 * record created or changed while a client walks the pages is seen at most once, and every record present
 * throughout is seen exactly once.
 */
export async function listPage<T extends Document>(
  collection: Collection<T>,
  filter: Filter<T>,
  limit: number,
  after?: string,
): Promise<Page<T>> {
  const query = afterCursor(filter, after);
  const found = await collection
    .find(query)
    .sort({ _id: 1 })
    .limit(limit + 1)
    .toArray();
  const items = found.slice(0, limit) as T[];
  const next = found.length > limit ? encodeCursor(String(items[items.length - 1]._id)) : null;
  return { items, next };
}
