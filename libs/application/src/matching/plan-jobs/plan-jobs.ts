import { randomUUID } from 'node:crypto';
import { Db, Filter } from 'mongodb';
import { Actor } from '@cm/domain';
import { PortfolioFilters } from '@cm/matching';
import { EntryOutcome, EntryReport, PlanEntry } from '../plan-application';

export type PlanJobStatus = 'queued' | 'running' | 'completed' | 'cancelled';

/** What the job was asked to apply: entries a caller copied from a plan, or the plan of a scope as of `asOf`. */
export type PlanJobSource = { kind: 'entries' } | { kind: 'scope'; scope: PortfolioFilters; asOf: string };

/**
 * A plan application in progress, one document by `_id`. Entries are applied in order; `next` is the first not yet
 * applied and `results` holds what each applied one gave, keyed by its index. `leaseId` changes whenever an api
 * instance takes the job over, so only the holder of the current lease can record progress.
 */
export interface PlanJobDoc {
  _id: string;
  status: PlanJobStatus;
  source: PlanJobSource;
  entries: PlanEntry[];
  next: number;
  results: Record<string, EntryReport>;
  counts: Record<EntryOutcome, number>;
  /** Who asked: every allocation the job proposes names this actor. */
  actor: Actor;
  correlationId: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  cancelledAt?: Date;
  cancelledBy?: string;
  leaseId: string | null;
  leaseUntil: Date | null;
  /** Infrastructure failures met while running (the job was resumed after each): how many, and the last one. */
  interruptions: number;
  lastInterruption?: { at: Date; message: string };
}

export const planJobsCollection = 'plan_jobs';

export class PlanJobs {
  constructor(private readonly db: Db) {}

  private get jobs() {
    return this.db.collection<PlanJobDoc>(planJobsCollection);
  }

  /** Creates the job; the same id again (an Idempotency-Key retry after a crash) answers the job already stored. */
  async create(doc: PlanJobDoc): Promise<PlanJobDoc> {
    try {
      await this.jobs.insertOne(doc);
      return doc;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return (await this.get(doc._id))!;
    }
  }

  get(id: string): Promise<PlanJobDoc | null> {
    return this.jobs.findOne({ _id: id });
  }

  /** Jobs not finished; a handful at any time, so scanning them is cheap also where filters are not pushed down. */
  unfinished(): Promise<PlanJobDoc[]> {
    return this.jobs
      .find({ status: { $in: ['queued', 'running'] } } as Filter<PlanJobDoc>)
      .project<PlanJobDoc>({ entries: 0, results: 0 })
      .toArray();
  }

  /** Takes the job over if its lease is the one read (`seenLeaseId`): compare-and-set on the lease id. */
  async claim(job: Pick<PlanJobDoc, '_id' | 'leaseId'>, leaseMs: number, now = new Date()): Promise<string | null> {
    const leaseId = randomUUID();
    const result = await this.jobs.updateOne(
      { _id: job._id, leaseId: job.leaseId, status: { $in: ['queued', 'running'] } } as Filter<PlanJobDoc>,
      { $set: { leaseId, leaseUntil: new Date(now.getTime() + leaseMs), status: 'running', updatedAt: now } },
    );
    return result.modifiedCount === 1 ? leaseId : null;
  }

  /**
   * Records one entry's result and moves on, renewing the lease. Answers the job's status after the write (a cancel
   * may have arrived meanwhile), or null when another instance holds the job now.
   */
  async recordResult(
    id: string,
    leaseId: string,
    index: number,
    report: EntryReport,
    leaseMs: number,
  ): Promise<PlanJobStatus | null> {
    const now = new Date();
    const counter = { created: 'created', already_applied: 'already_applied', failed: 'failed' }[report.outcome];
    const updated = await this.jobs.findOneAndUpdate(
      { _id: id, leaseId },
      {
        $set: {
          [`results.${index}`]: report,
          next: index + 1,
          updatedAt: now,
          leaseUntil: new Date(now.getTime() + leaseMs),
        },
        $inc: { [`counts.${counter}`]: 1 },
      },
      { returnDocument: 'after' },
    );
    return updated?.status ?? null;
  }

  async complete(id: string, leaseId: string): Promise<void> {
    const now = new Date();
    await this.jobs.updateOne(
      { _id: id, leaseId, status: 'running' },
      { $set: { status: 'completed', finishedAt: now, updatedAt: now, leaseId: null, leaseUntil: null } },
    );
  }

  /** Gives the job back (an infrastructure failure, or the api stopping) so that the next poll resumes it at once. */
  async release(id: string, leaseId: string, failure?: string): Promise<void> {
    const now = new Date();
    await this.jobs.updateOne(
      { _id: id, leaseId },
      {
        $set: {
          leaseId: null,
          leaseUntil: null,
          updatedAt: now,
          ...(failure && { lastInterruption: { at: now, message: failure } }),
        },
        ...(failure && { $inc: { interruptions: 1 } }),
      },
    );
  }

  /** True when the job was cancelled now; false when it had already finished (completed or cancelled before). */
  async cancel(id: string, by: string): Promise<boolean> {
    const now = new Date();
    const result = await this.jobs.updateOne(
      { _id: id, status: { $in: ['queued', 'running'] } } as Filter<PlanJobDoc>,
      { $set: { status: 'cancelled', cancelledAt: now, cancelledBy: by, finishedAt: now, updatedAt: now } },
    );
    return result.modifiedCount === 1;
  }
}
