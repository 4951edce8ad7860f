import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Db } from 'mongodb';
import { isDomainError, pledgeDecider, pledgeStreamType } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { liveCollection } from '@cm/read-models';
import { Streams } from '../command-executor';

const SWEEP_EVERY_MS = 60_000;
const PAGE = 200;
const system = { sub: 'system:pledge-expiry', role: 'coordinator' as const };

/**
 * Pledges past their `validUntil` become `expired`, which releases what was never allocated. The pledges read model
 * tells which are due; the domain decides (and refuses a pledge whose validity was extended meanwhile). Safe on
 * several api instances: the command id is per pledge, so the store writes each expiry once.
 */
@Injectable()
export class PledgeExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PledgeExpiry.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly streams: Streams,
    @Inject(MONGO_DB) private readonly db: Db,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep(new Date()).catch((error: Error) => this.logger.warn(`pledge expiry sweep failed: ${error.message}`));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Expires every open pledge whose validUntil lies before `now`'s date; returns the ids it expired. */
  async sweep(now: Date): Promise<string[]> {
    const pledges = await liveCollection<{ _id: string; validUntil?: string }>(this.db, 'pledges');
    const today = now.toISOString().slice(0, 10);
    const due = await pledges
      .find({ status: { $in: ['open', 'partially_allocated', 'allocated'] }, validUntil: { $lt: today } })
      .project<{ _id: string }>({ _id: 1 })
      .limit(PAGE)
      .toArray();
    const expired: string[] = [];
    for (const { _id: pledgeId } of due) {
      try {
        const { events } = await this.streams.execute({
          streamType: pledgeStreamType,
          id: pledgeId,
          decider: pledgeDecider,
          command: { type: 'ExpirePledge', data: { pledgeId }, metadata: { actor: system, now: now.toISOString() } },
          metadata: {
            commandId: `expire-${pledgeId}`,
            correlationId: `expire-${pledgeId}`,
            causationId: `expire-${pledgeId}`,
            actor: system,
          },
        });
        if (events.length > 0) expired.push(pledgeId);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        this.logger.warn(`pledge ${pledgeId} not expired: ${error.message}`);
      }
    }
    if (expired.length > 0) this.logger.log(`expired ${expired.length} pledge(s) past their validUntil`);
    return expired;
  }
}
