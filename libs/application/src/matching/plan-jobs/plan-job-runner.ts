import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cm/platform';
import { CommandContext } from '../../command-context';
import { PlanApplication } from '../plan-application';
import { PlanJobDoc, PlanJobs } from './plan-jobs';

export const PLAN_JOBS = Symbol('PLAN_JOBS');
const pollMs = 1_000;

/**
 * Runs plan jobs in the background of every api instance: each job is held by one instance at a time (a lease renewed
 * with every entry), its entries applied one after the other through PlanApplication (idempotent per entry, so an
 * entry applied before a crash replays as `already_applied` and is never proposed twice). A job whose holder died is
 * taken over once its lease expires; one given back (a stop, an infrastructure failure) at the next poll.
 */
@Injectable()
export class PlanJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlanJobRunner.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  /** Polls run in the runner's own async context, not in that of the request that woke it (its logs, its writes). */
  private readonly context = new AsyncResource('PlanJobRunner');

  constructor(
    @Inject(PLAN_JOBS) private readonly jobs: PlanJobs,
    private readonly application: PlanApplication,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Looks for work now (a job was just created) instead of at the next poll. */
  wake(): void {
    if (!this.running && !this.stopping) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = this.context.runInAsyncScope(() =>
      setTimeout(() => {
        this.running = this.poll().finally(() => {
          this.running = undefined;
          if (!this.stopping) this.schedule(pollMs);
        });
      }, delayMs),
    );
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const now = Date.now();
      for (const job of await this.jobs.unfinished()) {
        if (this.stopping) return;
        if (job.leaseId !== null && (job.leaseUntil?.getTime() ?? 0) > now) continue;
        const leaseId = await this.jobs.claim(job, this.config.PLAN_JOB_LEASE_MS);
        if (leaseId) await this.run(job._id, leaseId, job.leaseId !== null || job.next > 0 || job.interruptions > 0);
      }
    } catch (error) {
      this.logger.warn(`plan jobs poll failed: ${(error as Error).message}`);
    }
  }

  /** `resumed`: the job was interrupted before, so the entry at `next` may be one it was applying. */
  private async run(id: string, leaseId: string, resumed: boolean): Promise<void> {
    const job = await this.jobs.get(id);
    if (!job) return;
    this.logger.log(
      `plan job ${id}: ${resumed ? 'resuming' : 'starting'} at entry ${job.next} of ${job.entries.length}`,
    );
    for (let index = job.next; index < job.entries.length; index++) {
      if (this.stopping) return this.jobs.release(id, leaseId);
      let status;
      try {
        const report = await this.application.applyOne(
          job.entries[index],
          contextOf(job),
          resumed && index === job.next,
        );
        status = await this.jobs.recordResult(id, leaseId, index, report, this.config.PLAN_JOB_LEASE_MS);
      } catch (error) {
        const message = (error as Error).message;
        this.logger.warn(`plan job ${id}: entry ${index} interrupted (${message}); it will be resumed`);
        return this.jobs.release(id, leaseId, message);
      }
      if (status === null) return; // another instance took the job over (this one stalled past its lease)
      if (status === 'cancelled') {
        this.logger.log(`plan job ${id}: cancelled after entry ${index}`);
        return;
      }
    }
    await this.jobs.complete(id, leaseId);
    this.logger.log(`plan job ${id}: completed`);
  }
}

function contextOf(job: PlanJobDoc): CommandContext {
  return { actor: job.actor, now: new Date().toISOString(), commandId: job._id, correlationId: job.correlationId };
}
