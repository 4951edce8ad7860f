import { Inject, Injectable } from '@nestjs/common';
import { StreamType } from '@cm/domain';
import { Db } from 'mongodb';
import { APP_CONFIG, AppConfig, MONGO_DB } from '@cm/platform';
import { waitForPositions } from '@cm/read-models';
import { ConsistencyTokens } from '@cm/application';
import { Problem } from '../problems/problem';

export const CONSISTENT_WITH_HEADER = 'x-consistent-with';
export const CONSISTENCY_HEADER = 'X-Consistency';

export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/** The stream types whose events a query's answer is built from (the per-stream read models it depends on). */
export type StreamTypesRead = readonly StreamType[];

/**
 * Read-your-writes: a query carrying a command's consistency token waits (at most CONSISTENCY_WAIT_MS) until the read
 * models it reads have applied every position of the token on the stream types they fold, then answers
 * `X-Consistency: consistent`; after the wait it answers anyway, marked `stale`. Positions on streams the query does
 * not read cannot make its answer stale and are not waited for.
 */
@Injectable()
export class ConsistencyGate {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ConsistencyTokens,
  ) {}

  async pass(token: string | undefined, response: HeaderSink, reads: StreamTypesRead): Promise<void> {
    if (token === undefined) return;
    const positions = await this.tokens.resolve(token);
    if (!positions) {
      throw Problem.validation([{ field: 'X-Consistent-With', message: 'must be a consistencyToken from a command' }]);
    }
    const relevant = positions.filter((position) => (reads as readonly string[]).includes(position.streamType));
    const reached = await waitForPositions(this.db, relevant, this.config.CONSISTENCY_WAIT_MS);
    response.setHeader(CONSISTENCY_HEADER, reached ? 'consistent' : 'stale');
  }
}
