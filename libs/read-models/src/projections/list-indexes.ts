import type { Db, IndexSpecification } from 'mongodb';
import { auditListIndexes } from '../audit/audit-projection';
import { matchingListIndexes } from '../matching/matching-projection';
import { collectionNameOf, readModelsBySet, type ProjectionSetName, type ReadModelName } from './aliases';

/**
 * Compound indexes for the list filters, for production MongoDB and FerretDB on PostgreSQL (built there as GIN indexes
 * that answer its equality pushdown; FerretDB on SQLite accepts them but scans anyway). Every list sorts by `_id`, so
 * each index ends with it.
 */
const listIndexes: Partial<Record<ReadModelName, IndexSpecification[]>> = {
  participants: [{ kind: 1, _id: 1 }],
  needs: [
    { requesterId: 1, _id: 1 },
    { requesterId: 1, status: 1, _id: 1 },
    { status: 1, _id: 1 },
    { pillar: 1, assistanceType: 1, status: 1, _id: 1 },
    { priority: 1, _id: 1 },
  ],
  pledges: [
    { donorId: 1, _id: 1 },
    { donorId: 1, status: 1, _id: 1 },
    { status: 1, _id: 1 },
    { pillars: 1, assistanceType: 1, status: 1, _id: 1 },
  ],
  allocations: [
    { donorId: 1, _id: 1 },
    { recipientId: 1, _id: 1 },
    { recipientId: 1, status: 1, _id: 1 },
    { status: 1, _id: 1 },
    { pillar: 1, _id: 1 },
  ],
  coalitions: [
    { memberIds: 1, _id: 1 },
    { affectedStateId: 1, _id: 1 },
  ],
  ...auditListIndexes,
  ...matchingListIndexes,
};

/**
 * FerretDB 1.24 on SQLite never uses secondary indexes for these filters; there they would only slow every write.
 * `ferretdbStorage` is reported by deploy/local/ferretdb's patched buildInfo.
 */
export async function usesSecondaryIndexes(db: Db): Promise<boolean> {
  const buildInfo = await db.admin().command({ buildInfo: 1 });
  return buildInfo.ferretdbVersion === undefined || buildInfo.ferretdbStorage === 'postgresql';
}

export async function ensureListIndexes(db: Db, set: ProjectionSetName, generation: string): Promise<void> {
  if (!(await usesSecondaryIndexes(db))) return;
  for (const model of readModelsBySet[set]) {
    for (const key of listIndexes[model] ?? []) {
      await db.collection(collectionNameOf(model, generation)).createIndex(key);
    }
  }
}
