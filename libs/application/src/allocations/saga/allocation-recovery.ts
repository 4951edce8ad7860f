import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cm/platform';
import { v7 as uuidv7 } from 'uuid';
import { CommandContext } from '../../command-context';
import { ALLOCATION_INTENTS, AllocationIntents } from './allocation-intents';
import { AllocationSaga } from './allocation-saga';

/**
 * An intent older than `ALLOCATION_RECOVERY_AFTER_MS` (default a minute; requests finish in well under a second) was
 * left by a crashed or failed request. The sweep runs every half of that, at most every 30 s.
 */
const maxSweepIntervalMs = 30_000;

/**
 * Completes or compensates allocations whose saga stopped mid-way. Safe on every instance at once: each step is
 * idempotent by allocation id, so two sweeps of one intent converge.
 */
@Injectable()
export class AllocationRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AllocationRecovery');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly saga: AllocationSaga,
    @Inject(ALLOCATION_INTENTS) private readonly intents: AllocationIntents,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'ALLOCATION_RECOVERY_AFTER_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(maxSweepIntervalMs, this.config.ALLOCATION_RECOVERY_AFTER_MS / 2);
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Reconciles every intent older than the threshold; answers how many it finished. */
  async sweep(now = new Date()): Promise<number> {
    if (this.running) return this.running;
    this.running = this.sweepOnce(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(now: Date): Promise<number> {
    const stale = await this.intents.olderThan(new Date(now.getTime() - this.config.ALLOCATION_RECOVERY_AFTER_MS));
    let finished = 0;
    for (const intent of stale) {
      const context: CommandContext = {
        actor: { sub: 'system:allocation-recovery', role: 'admin' },
        now: now.toISOString(),
        commandId: uuidv7(),
        correlationId: intent.correlationId,
      };
      try {
        await this.saga.reconcile(intent._id, context);
        finished++;
      } catch (error) {
        this.logger.warn(`allocation ${intent._id} could not be reconciled yet: ${(error as Error).message}`);
      }
    }
    if (finished > 0) this.logger.log(`reconciled ${finished} interrupted allocation(s)`);
    return finished;
  }
}
