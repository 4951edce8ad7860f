import type { ModelDocuments } from '../projections/documents';
import { MemoryDocuments } from '../projections/memory-documents';

/** Documents held in memory only (never flushed): the projections' pure path, for unit tests. */
export const memoryDocuments = (): MemoryDocuments => new MemoryDocuments(undefined as never, undefined as never);

/** The documents, except that the first plain write fails after nothing was written: a crash before that write. */
export function crashingOnce(documents: ModelDocuments): ModelDocuments {
  let crashed = false;
  return {
    load: (ids) => documents.load(ids),
    setIf: (write) => documents.setIf(write),
    write: (writes) => {
      if (crashed) return documents.write(writes);
      crashed = true;
      return Promise.reject(new Error('crash before the write'));
    },
  };
}
