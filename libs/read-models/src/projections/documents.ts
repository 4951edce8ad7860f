import { findByIds, takesMultiDocumentWrites } from '@cm/event-store';
import { type AnyBulkWriteOperation, BSON, type Collection, type Db, type Document } from 'mongodb';

/** One change to a read-model document, by `_id`. `set` upserts the fields named (dotted paths, as `$set` takes). */
export type DocumentWrite =
  | { kind: 'replace'; _id: string; doc: Document }
  | { kind: 'delete'; _id: string }
  | { kind: 'set'; _id: string; fields: Record<string, unknown> };

/**
 * A read model as the projections see it: load the documents a batch touches in one go, write its changes in one go.
 * Live, that is one key read and one `bulkWrite` per collection and batch; in a rebuild it is memory (see
 * MemoryDocuments), flushed in bulk.
 */
export interface ModelDocuments {
  load(ids: readonly string[]): Promise<Map<string, Document>>;
  write(writes: readonly DocumentWrite[]): Promise<void>;
}

export function bulkOperationOf(write: DocumentWrite): AnyBulkWriteOperation<Document> {
  const filter = { _id: write._id as never };
  switch (write.kind) {
    case 'replace':
      return { replaceOne: { filter, replacement: write.doc, upsert: true } };
    case 'delete':
      return { deleteOne: { filter } };
    case 'set':
      return { updateOne: { filter, update: { $set: write.fields }, upsert: true } };
  }
}

const SINGLE_WRITE_CONCURRENCY = 32;

/**
 * Writes operations on distinct documents: one unordered bulkWrite on MongoDB; on FerretDB 1.24 one command per
 * document, concurrently, because multi-document updates of different collections at the same time (the
 * projector's sets run side by side) stalled it for good, while single-document commands never did.
 */
export async function writeAll(
  db: Db,
  collection: Collection<Document>,
  operations: AnyBulkWriteOperation<Document>[],
) {
  if (operations.length === 0) return;
  if (await takesMultiDocumentWrites(db)) {
    await collection.bulkWrite(operations, { ordered: false });
    return;
  }
  for (let start = 0; start < operations.length; start += SINGLE_WRITE_CONCURRENCY) {
    await Promise.all(
      operations.slice(start, start + SINGLE_WRITE_CONCURRENCY).map((operation) => collection.bulkWrite([operation])),
    );
  }
}

/** The live read model: documents are read by key (see findByIds) and a batch's writes go out together (writeAll). */
export class StoredDocuments implements ModelDocuments {
  constructor(
    private readonly db: Db,
    readonly collection: Collection<Document>,
  ) {}

  load(ids: readonly string[]): Promise<Map<string, Document>> {
    return findByIds(this.db, this.collection, ids);
  }

  async write(writes: readonly DocumentWrite[]): Promise<void> {
    await writeAll(this.db, this.collection, writes.map(bulkOperationOf));
  }
}

/** Sets a dotted path in a copy of `doc`, creating the objects on the way, as `$set` does. */
function withPath(doc: Document, path: string, value: unknown): Document {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...doc, [head]: value };
  const inner = doc[head] && typeof doc[head] === 'object' ? (doc[head] as Document) : {};
  return { ...doc, [head]: withPath(inner, rest.join('.'), value) };
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
        this.docs.set(write._id, stored(write._id, next));
      }
      this.dirty.add(write._id);
    }
    return Promise.resolve();
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
