import { Inject, Injectable } from '@nestjs/common';
import { Db } from 'mongodb';
import { APP_CONFIG, AppConfig, MONGO_DB } from '@cm/platform';
import { waitForPosition } from '@cm/read-models';
import { decodeConsistencyToken } from '../consistency/consistency-token';
import { Problem } from '../problems/problem';

export const CONSISTENT_WITH_HEADER = 'x-consistent-with';
export const CONSISTENCY_HEADER = 'X-Consistency';

export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * Read-your-writes: a query carrying a command's consistency token waits (at most CONSISTENCY_WAIT_MS) until the read
 * model of that stream has applied that version, then answers `X-Consistency: consistent`; after the wait it answers
 * anyway, marked `stale`.
 */
@Injectable()
export class ConsistencyGate {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pass(token: string | undefined, response: HeaderSink): Promise<void> {
    if (token === undefined) return;
    const position = decodeConsistencyToken(token);
    if (!position) {
      throw Problem.validation([{ field: 'X-Consistent-With', message: 'must be a consistencyToken from a command' }]);
    }
    const reached = await waitForPosition(this.db, position, this.config.CONSISTENCY_WAIT_MS);
    response.setHeader(CONSISTENCY_HEADER, reached ? 'consistent' : 'stale');
  }
}
