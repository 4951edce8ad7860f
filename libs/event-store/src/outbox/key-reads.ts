import type { Collection, Db, Document } from 'mongodb';

/** Reads by `_id` at most this many at a time where a list of keys costs one round trip per key. */
const KEY_READ_CONCURRENCY = 32;

/** What the code adapts to in the database server, from its `buildInfo`. */
interface ServerTraits {
  inServedByIdIndex: boolean;
  multiDocumentWrites: boolean;
}

const traitsByDb = new WeakMap<Db, Promise<ServerTraits>>();

function serverTraits(db: Db): Promise<ServerTraits> {
  let known = traitsByDb.get(db);
  if (!known) {
    known = db
      .admin()
      .command({ buildInfo: 1 })
      .then((info) => {
        const mongodb = info.ferretdbVersion === undefined;
        const patches: unknown = info.ferretdbPatches;
        const inPatch = `${String(info.ferretdbStorage)}-id-in-uses-index`;
        return {
          inServedByIdIndex: mongodb || (Array.isArray(patches) && patches.includes(inPatch)),
          multiDocumentWrites: mongodb,
        };
      });
    known.catch(() => traitsByDb.delete(db));
    traitsByDb.set(db, known);
  }
  return known;
}

/**
 * Whether `{ _id: { $in: [...] } }` is served by the `_id` index. MongoDB does. FerretDB 1.24 pushes no `$in` down and
 * scans the table (on SQLite, 100 keys at 10,000 documents: 800–900 ms for one `$in`, 170–300 ms for 100 concurrent
 * `findOne`); deploy/local/ferretdb's `postgresql-id-in-uses-index` and `sqlite-id-in-uses-index` patches make it an
 * index search, and its patched buildInfo lists the patches it was built with (`ferretdbPatches`). Any other FerretDB
 * reads keys one by one, concurrently.
 */
export async function inServedByIdIndex(db: Db): Promise<boolean> {
  return (await serverTraits(db)).inServedByIdIndex;
}

/**
 * Whether one command may write many documents. MongoDB only: on FerretDB 1.24 multi-document updates of different
 * collections at the same time stalled it for good (SQLite; not tried on PostgreSQL), while single-document commands
 * never did, so there each document gets its own command.
 */
export async function takesMultiDocumentWrites(db: Db): Promise<boolean> {
  return (await serverTraits(db)).multiDocumentWrites;
}

/**
 * The documents of `ids` that exist, by `_id`: one `$in` query where the server serves it by index, otherwise
 * concurrent point reads. Duplicated ids are read once.
 */
export async function findByIds<T extends Document>(
  db: Db,
  collection: Collection<T>,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const keys = [...new Set(ids)];
  const found = new Map<string, T>();
  if (keys.length === 0) return found;
  if (keys.length === 1 || !(await inServedByIdIndex(db))) {
    for (let start = 0; start < keys.length; start += KEY_READ_CONCURRENCY) {
      const docs = await Promise.all(
        keys.slice(start, start + KEY_READ_CONCURRENCY).map((_id) => collection.findOne({ _id } as never)),
      );
      for (const doc of docs) if (doc) found.set(String(doc._id), doc as T);
    }
    return found;
  }
  for (const doc of await collection.find({ _id: { $in: keys } } as never).toArray()) {
    found.set(String(doc._id), doc as T);
  }
  return found;
}
