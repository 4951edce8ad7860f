import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Db } from 'mongodb';
import { Actor, isDomainError, pledgeAggregate } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { liveCollection } from '@cm/read-models';
import { CommandContext } from '../command-context';
import { CommandExecutor } from '../command-executor';

const SWEEP_EVERY_MS = 60_000;
const PAGE = 200;
const system: Actor = { sub: 'system:pledge-expiry', role: 'coordinator' };

/** One expiry per pledge, whenever and wherever it runs: its command id names the pledge. */
const expiryContext = (pledgeId: string, now: Date): CommandContext => ({
  actor: system,
  now: now.toISOString(),
  commandId: `expire-${pledgeId}`,
  correlationId: `expire-${pledgeId}`,
});

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
    private readonly executor: CommandExecutor,
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
        const command = { type: 'ExpirePledge' as const, data: { pledgeId } };
        const { events } = await this.executor.execute(
          pledgeAggregate,
          pledgeId,
          command,
          expiryContext(pledgeId, now),
        );
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
