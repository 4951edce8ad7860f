import { findByIds, takesMultiDocumentWrites } from '@cm/event-store';
import { type AnyBulkWriteOperation, type Collection, type Db, type Document } from 'mongodb';
import { storedDocument, storedValue } from './stored-form';

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

/**
 * `doc` after a `$set` of dotted paths: the objects on the way are copied (shallow) once per write, never changed in
 * place (`load` handed them out), and only the values set are put in stored form. Setting entries of a cell with
 * thousands of entries used to copy the cell once per path and round-trip all of it through BSON.
 */
function withFields(doc: Document, fields: Record<string, unknown>): Document {
  const next: Document = { ...doc };
  const copies = new Set<Document>([next]);
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    let target = next;
    for (const key of keys.slice(0, -1)) {
      const inner = target[key] as unknown;
      let child = (inner && typeof inner === 'object' ? inner : {}) as Document;
      if (!copies.has(child)) {
        child = { ...child };
        copies.add(child);
        target[key] = child;
      }
      target = child;
    }
    target[keys[keys.length - 1]] = storedValue(value);
  }
  return next;
}

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
  private queued = false;

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
      else if (write.kind === 'replace') this.docs.set(write._id, storedDocument(write._id, write.doc));
      else {
        this.docs.set(write._id, withFields(this.docs.get(write._id) ?? { _id: write._id }, write.fields));
      }
      this.dirty.add(write._id);
    }
    return Promise.resolve();
  }

  /**
   * Writes what changed since the last flush; flushes run one after another, each over what was dirty at its start,
   * and a flush asked for while one is waiting to start is that one. A failed flush fails every later one.
   */
  flush(): Promise<void> {
    if (this.queued) return this.flushing;
    this.queued = true;
    this.flushing = this.flushing.then(() => {
      this.queued = false;
      return this.flushDirty();
    });
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
