import { type AnyBulkWriteOperation, BSON, type Collection, type Db, type Document } from 'mongodb';
import { writeAll, type ConditionalSet, type DocumentWrite, type ModelDocuments } from './documents';

/** Sets a dotted path in a copy of `doc`, creating the objects on the way, as `$set` does. */
function withPath(doc: Document, path: string, value: unknown): Document {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...doc, [head]: value };
  const inner = doc[head] && typeof doc[head] === 'object' ? (doc[head] as Document) : {};
  return { ...doc, [head]: withPath(inner, rest.join('.'), value) };
}

/** Removes a dotted path from a copy of `doc`, as `$unset` does. */
function withoutPath(doc: Document, path: string): Document {
  const [head, ...rest] = path.split('.');
  if (!(head in doc)) return doc;
  if (rest.length === 0) return Object.fromEntries(Object.entries(doc).filter(([key]) => key !== head));
  const inner = doc[head];
  if (!inner || typeof inner !== 'object') return doc;
  return { ...doc, [head]: withoutPath(inner as Document, rest.join('.')) };
}

/** What the server would store and give back: BSON round trip (undefined becomes null, `_id` first). */
const stored = (_id: string, doc: Document): Document =>
  BSON.deserialize(BSON.serialize({ _id, ...doc }, { ignoreUndefined: false }));

const FLUSH_CHUNK = 1_000;

/**
 * A read model held in memory while a rebuild fills an empty generation: loads never reach the server (a document not
 * in memory does not exist yet), and `flush()` writes what changed since the last flush in bulk: new documents with
 * inserts, documents already written with replaces, removed ones with deletes.
 */
export class MemoryDocuments implements ModelDocuments {
  private readonly docs = new Map<string, Document>();
  private readonly written = new Set<string>();
  private readonly dirty = new Set<string>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    readonly collection: Collection<Document>,
  ) {}

  get pending(): number {
    return this.dirty.size;
  }

  /** Every document held, by `_id`. */
  all(): Document[] {
    return [...this.docs.values()].sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  }

  load(ids: readonly string[]): Promise<Map<string, Document>> {
    const found = new Map<string, Document>();
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc) found.set(id, doc);
    }
    return Promise.resolve(found);
  }

  write(writes: readonly DocumentWrite[]): Promise<void> {
    for (const write of writes) {
      if (write.kind === 'delete') this.docs.delete(write._id);
      else if (write.kind === 'replace') this.docs.set(write._id, stored(write._id, write.doc));
      else {
        const current = this.docs.get(write._id) ?? { _id: write._id };
        const next = Object.entries(write.fields).reduce((doc, [path, value]) => withPath(doc, path, value), current);
        this.docs.set(write._id, stored(write._id, (write.unset ?? []).reduce(withoutPath, next)));
      }
      this.dirty.add(write._id);
    }
    return Promise.resolve();
  }

  async setIf({ _id, fields, when }: ConditionalSet): Promise<boolean> {
    const current = this.docs.get(_id);
    const holds =
      when.value === undefined
        ? current === undefined || current[when.field] === undefined
        : current !== undefined && JSON.stringify(current[when.field]) === JSON.stringify(when.value);
    if (!holds) return false;
    await this.write([{ kind: 'set', _id, fields }]);
    return true;
  }

  /** Writes what changed since the last flush; flushes run one after another, each over what was dirty at its start. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushDirty());
    return this.flushing;
  }

  private async flushDirty(): Promise<void> {
    const inserts: Document[] = [];
    const operations: AnyBulkWriteOperation<Document>[] = [];
    for (const _id of this.dirty) {
      const doc = this.docs.get(_id);
      const filter = { _id: _id as never };
      if (doc && this.written.has(_id)) operations.push({ replaceOne: { filter, replacement: doc, upsert: true } });
      else if (doc) inserts.push(doc);
      else if (this.written.has(_id)) operations.push({ deleteOne: { filter } });
      if (doc) this.written.add(_id);
      else this.written.delete(_id);
    }
    this.dirty.clear();
    for (let start = 0; start < inserts.length; start += FLUSH_CHUNK) {
      await this.collection.insertMany(inserts.slice(start, start + FLUSH_CHUNK), { ordered: false });
    }
    await writeAll(this.db, this.collection, operations);
  }
}
