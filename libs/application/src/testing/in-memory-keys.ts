import { AllocationIntent, AllocationIntents } from '../allocations/saga/allocation-intents';
import { ClaimResult, IdempotencyKeyStore, IdempotencyRecord } from '../idempotency/idempotency-keys';

/** For unit tests only. */
export class InMemoryIdempotencyKeys implements IdempotencyKeyStore {
  readonly records = new Map<string, IdempotencyRecord>();

  async claim(record: IdempotencyRecord): Promise<ClaimResult> {
    const existing = this.records.get(record._id);
    if (existing) return { claimed: false, record: existing };
    this.records.set(record._id, record);
    return { claimed: true, record };
  }

  async complete(id: string, answer: { status: number; body: unknown; contentType: string }): Promise<void> {
    const record = this.records.get(id);
    if (record) this.records.set(id, { ...record, state: 'completed', ...answer });
  }

  async release(id: string): Promise<void> {
    this.records.delete(id);
  }
}

/** For unit tests only. */
export class InMemoryAllocationIntents implements AllocationIntents {
  readonly intents = new Map<string, AllocationIntent>();

  async record(allocationId: string, correlationId: string): Promise<void> {
    this.intents.set(allocationId, { _id: allocationId, startedAt: new Date(), correlationId });
  }

  async remove(allocationId: string): Promise<void> {
    this.intents.delete(allocationId);
  }

  async olderThan(cutoff: Date): Promise<AllocationIntent[]> {
    return [...this.intents.values()].filter((intent) => intent.startedAt < cutoff);
  }
}
