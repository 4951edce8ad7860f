import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import {
  decodeConsistencyToken,
  encodeConsistencyToken,
  encodeTokenReference,
  MAX_INLINE_POSITIONS,
  mergePositions,
  StreamPosition,
} from './consistency-token';

interface StoredPositions {
  _id: string;
  positions: StreamPosition[];
  createdAt: Date;
}

export const storedTokensCollection = 'consistency_tokens';

/**
 * Issues the token of a command's writes and reads it back on a query. Most commands write a few streams and their
 * token holds the positions; the rare one that writes more than fit in a header (a need withdrawn with many open
 * allocations) gets a reference to a stored copy, read by `_id`.
 */
@Injectable()
export class ConsistencyTokens {
  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  async issue(positions: readonly StreamPosition[]): Promise<string> {
    const merged = mergePositions(positions);
    if (merged.length <= MAX_INLINE_POSITIONS) return encodeConsistencyToken(merged);
    const _id = randomUUID();
    await this.db
      .collection<StoredPositions>(storedTokensCollection)
      .insertOne({ _id, positions: merged, createdAt: new Date() });
    return encodeTokenReference(_id);
  }

  /** Undefined for a token this api did not issue. */
  async resolve(token: string): Promise<StreamPosition[] | undefined> {
    const decoded = decodeConsistencyToken(token);
    if (!decoded) return undefined;
    if ('positions' in decoded) return decoded.positions;
    const stored = await this.db
      .collection<StoredPositions>(storedTokensCollection)
      .findOne({ _id: decoded.reference });
    return stored?.positions;
  }
}
