import { Db } from 'mongodb';

/**
 * "This allocation's pledge and need may not yet agree with it": written before the saga touches another stream,
 * deleted once they do. What is left behind by a crash is found by the recovery sweep. Small by construction
 * (only work in flight), so the sweep may scan it even on FerretDB.
 */
export interface AllocationIntent {
  _id: string; // the allocation id
  startedAt: Date;
  correlationId: string;
}

export interface AllocationIntents {
  record(allocationId: string, correlationId: string): Promise<void>;
  remove(allocationId: string): Promise<void>;
  olderThan(cutoff: Date): Promise<AllocationIntent[]>;
}

export const ALLOCATION_INTENTS = Symbol('ALLOCATION_INTENTS');

export class MongoAllocationIntents implements AllocationIntents {
  private readonly collection;

  constructor(db: Db) {
    this.collection = db.collection<AllocationIntent>('allocation_intents');
  }

  async record(allocationId: string, correlationId: string): Promise<void> {
    await this.collection.updateOne(
      { _id: allocationId },
      { $set: { startedAt: new Date(), correlationId } },
      { upsert: true },
    );
  }

  async remove(allocationId: string): Promise<void> {
    await this.collection.deleteOne({ _id: allocationId });
  }

  async olderThan(cutoff: Date): Promise<AllocationIntent[]> {
    const all = await this.collection.find({}).limit(10_000).toArray();
    return all.filter((intent) => intent.startedAt < cutoff);
  }
}
