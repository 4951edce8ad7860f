import { Db, MongoServerError } from 'mongodb';

/**
 * One Idempotency-Key as used by one caller on one route. Looked up only by `_id` (FerretDB indexes nothing else).
 * `status`/`body` are set once the first request has its answer.
 */
export interface IdempotencyRecord {
  _id: string;
  requestHash: string;
  state: 'in_progress' | 'completed';
  createdAt: Date;
  status?: number;
  body?: unknown;
  contentType?: string;
}

export type ClaimResult = { claimed: true; record: IdempotencyRecord } | { claimed: false; record: IdempotencyRecord };

export interface IdempotencyKeyStore {
  /** Inserts the record unless one with its `_id` exists, which is then returned. */
  claim(record: IdempotencyRecord): Promise<ClaimResult>;
  complete(id: string, answer: { status: number; body: unknown; contentType: string }): Promise<void>;
  /** Forgets a key whose request failed for a reason a retry may not meet again (5xx, version conflict). */
  release(id: string): Promise<void>;
}

export const IDEMPOTENCY_KEYS = Symbol('IDEMPOTENCY_KEYS');
/** A first request that has not answered after this long crashed: its key may be taken over. */
export const staleClaimMs = 120_000;

/**
 * A record as stored: the answer's body as its JSON text. An answer may carry any string the caller sent (a refusal
 * names the unknown field it was sent, NUL characters included), and PostgreSQL's jsonb, under FerretDB, refuses a
 * string holding U+0000; JSON text escapes it. Records written before carry `body` itself and are read as they are.
 */
type StoredRecord = Omit<IdempotencyRecord, 'body'> & { bodyJson?: string; body?: unknown };

const recordOf = ({ bodyJson, ...stored }: StoredRecord): IdempotencyRecord =>
  bodyJson === undefined ? stored : { ...stored, body: JSON.parse(bodyJson) as unknown };

export class MongoIdempotencyKeys implements IdempotencyKeyStore {
  private readonly collection;

  constructor(db: Db) {
    this.collection = db.collection<StoredRecord>('idempotency_keys');
  }

  async claim(record: IdempotencyRecord): Promise<ClaimResult> {
    try {
      await this.collection.insertOne(record);
      return { claimed: true, record };
    } catch (error) {
      if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
      const existing = await this.collection.findOne({ _id: record._id });
      // Released between our insert and our read: the key is free again.
      if (!existing) return this.claim(record);
      return { claimed: false, record: recordOf(existing) };
    }
  }

  async complete(
    id: string,
    { body, ...answer }: { status: number; body: unknown; contentType: string },
  ): Promise<void> {
    await this.collection.updateOne(
      { _id: id },
      { $set: { state: 'completed', ...answer, bodyJson: JSON.stringify(body) } },
    );
  }

  async release(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }
}
