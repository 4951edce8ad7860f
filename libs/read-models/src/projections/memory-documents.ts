import { type AnyBulkWriteOperation, type Collection, type Db, type Document } from 'mongodb';
import { writeAll, type ConditionalSet, type DocumentWrite, type ModelDocuments } from './documents';
import { storedDocument, storedValue } from './stored-form';

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

/** Removes a dotted path from a copy of `doc`, as `$unset` does. */
function withoutPath(doc: Document, path: string): Document {
  const [head, ...rest] = path.split('.');
  if (!(head in doc)) return doc;
  if (rest.length === 0) return Object.fromEntries(Object.entries(doc).filter(([key]) => key !== head));
  const inner = doc[head];
  if (!inner || typeof inner !== 'object') return doc;
  return { ...doc, [head]: withoutPath(inner as Document, rest.join('.')) };
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
      else if (write.kind === 'replace') this.docs.set(write._id, storedDocument(write._id, write.doc));
      else {
        const next = withFields(this.docs.get(write._id) ?? { _id: write._id }, write.fields);
        this.docs.set(write._id, (write.unset ?? []).reduce(withoutPath, next));
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
