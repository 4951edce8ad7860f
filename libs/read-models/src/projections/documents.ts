import { findByIds, takesMultiDocumentWrites } from '@cm/event-store';
import { type AnyBulkWriteOperation, type Collection, type Db, type Document, MongoServerError } from 'mongodb';

/**
 * One change to a read-model document, by `_id`. `set` upserts the fields named (dotted paths, as `$set` takes) and
 * removes the `unset` ones.
 */
export type DocumentWrite =
  | { kind: 'replace'; _id: string; doc: Document }
  | { kind: 'delete'; _id: string }
  | { kind: 'set'; _id: string; fields: Record<string, unknown>; unset?: readonly string[] };

/** A `set` applied only while the document's `field` still holds `value` (undefined: while there is no document). */
export interface ConditionalSet {
  _id: string;
  fields: Record<string, unknown>;
  when: { field: string; value: unknown };
}

/**
 * A read model as the projections see it: load the documents a batch touches in one go, write its changes in one go.
 * Live, that is one key read and one `bulkWrite` per collection and batch; in a rebuild it is memory (see
 * MemoryDocuments), flushed in bulk.
 */
export interface ModelDocuments {
  load(ids: readonly string[]): Promise<Map<string, Document>>;
  write(writes: readonly DocumentWrite[]): Promise<void>;
  /** Compare-and-set of one document, for cells several writers update: false when another writer came first. */
  setIf(write: ConditionalSet): Promise<boolean>;
}

const updateOf = (write: { fields: Record<string, unknown>; unset?: readonly string[] }) => ({
  ...(Object.keys(write.fields).length > 0 && { $set: write.fields }),
  ...(write.unset?.length && { $unset: Object.fromEntries(write.unset.map((path) => [path, ''])) }),
});

export function bulkOperationOf(write: DocumentWrite): AnyBulkWriteOperation<Document> {
  const filter = { _id: write._id as never };
  switch (write.kind) {
    case 'replace':
      return { replaceOne: { filter, replacement: write.doc, upsert: true } };
    case 'delete':
      return { deleteOne: { filter } };
    case 'set':
      return { updateOne: { filter, update: updateOf(write), upsert: true } };
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

  async setIf({ _id, fields, when }: ConditionalSet): Promise<boolean> {
    const absent = when.value === undefined;
    const filter = { _id: _id as never, [when.field]: absent ? { $exists: false } : when.value };
    try {
      const result = await this.collection.updateOne(filter, { $set: fields }, { upsert: absent });
      return result.matchedCount + result.upsertedCount === 1;
    } catch (error) {
      // Upserting an `_id` another writer created meanwhile.
      if (absent && error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }
}
