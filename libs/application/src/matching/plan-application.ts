import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  RequestAllocationCommand,
  RequestAllocationRequest,
} from '../allocations/request-allocation/request-allocation.command';
import { CommandContext, newIdFor } from '../command-context';
import { CommandResult } from '../command-result';
import { IdempotencyKeyStore, IdempotencyRecord, staleClaimMs } from '../idempotency/idempotency-keys';
import { idempotencyRecordId, requestHashOf } from '../idempotency/request-hash';

/** One allocation of a plan, as the plan answered it. */
export interface PlanEntry {
  needId: string;
  pledgeId: string;
  amountInPledgeUnit: { amount: number; unit: string };
}

/** The problem+json body a failure answers with, as far as a plan report repeats it. */
export interface EntryProblem {
  code: string;
  status: number;
  detail: string;
}

/**
 * How the api answers a failure (its one problem mapping, apps/api/src/problems): plan entries replay their stored
 * answers exactly as a POST /allocations with an Idempotency-Key would, so they must store the same problem. A port, so
 * that the application knows no HTTP.
 */
export const FAILURE_PROBLEMS = Symbol('FAILURE_PROBLEMS');
export type FailureProblemOf = (error: unknown) => { status: number; code: string; body: EntryProblem };

export type EntryOutcome = 'created' | 'already_applied' | 'failed';

export interface EntryReport extends PlanEntry {
  outcome: EntryOutcome;
  allocationId?: string;
  status?: string;
  consistencyToken?: string;
  /** Why the entry failed: the problem the allocation command answered (OVER_ALLOCATION, PLEDGE_NOT_OPEN, …). */
  problem?: EntryProblem;
}

export interface ApplyReport {
  created: number;
  alreadyApplied: number;
  failed: number;
  entries: EntryReport[];
}

/** The idempotency records of plan entries: the same store as Idempotency-Key, under their own subject. */
export const PLAN_ENTRY_KEYS = Symbol('PLAN_ENTRY_KEYS');
/** The unit of a pledge as the read model knows it, or undefined when it does not know the pledge (yet). */
export const PLEDGE_UNITS = Symbol('PLEDGE_UNITS');
export type PledgeUnits = (pledgeId: string) => Promise<string | undefined>;

const entrySubject = 'matching-plan';

/** The entry's key: the same need, pledge and amount are one allocation, whoever applies it and however often. */
export const entryRecordId = ({ needId, pledgeId, amountInPledgeUnit: { amount, unit } }: PlanEntry): string =>
  idempotencyRecordId(entrySubject, 'POST', '/allocations', `${needId}/${pledgeId}/${amount} ${unit}`);

/**
 * Proposes a plan's allocations through the allocation command (the saga reserves both sides, so the write side still
 * refuses any over-allocation), one entry after the other so that each sees the reservations of the previous ones.
 * Each entry runs as a POST /allocations with an Idempotency-Key derived from the entry would: its ids derive from
 * the key, and its answer is stored, so applying the same entry again replays it (`already_applied`, or the same
 * failure) and writes nothing. An infrastructure failure stops the run; running it again resumes where it stopped.
 */
@Injectable()
export class PlanApplication {
  /** Replaceable in tests. */
  clock: () => Date = () => new Date();

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PLAN_ENTRY_KEYS) private readonly keys: IdempotencyKeyStore,
    @Inject(PLEDGE_UNITS) private readonly pledgeUnitOf: PledgeUnits,
    @Inject(FAILURE_PROBLEMS) private readonly problemOf: FailureProblemOf,
  ) {}

  async apply(entries: readonly PlanEntry[], context: CommandContext): Promise<ApplyReport> {
    const reports: EntryReport[] = [];
    for (const entry of entries) reports.push(await this.applyOne(entry, context));
    const count = (outcome: EntryOutcome) => reports.filter((report) => report.outcome === outcome).length;
    return {
      created: count('created'),
      alreadyApplied: count('already_applied'),
      failed: count('failed'),
      entries: reports,
    };
  }

  /**
   * `resuming`: the caller knows that this entry's claim, if still in progress, is its own from before a crash (a job
   * resumed at the entry it was applying), so it is taken over at once instead of after `staleClaimMs`.
   */
  async applyOne(entry: PlanEntry, context: CommandContext, resuming = false): Promise<EntryReport> {
    const unit = await this.pledgeUnitOf(entry.pledgeId);
    if (unit !== undefined && unit !== entry.amountInPledgeUnit.unit) {
      const detail = `pledge ${entry.pledgeId} counts in ${unit}, not ${entry.amountInPledgeUnit.unit}`;
      return { ...entry, outcome: 'failed', problem: { code: 'UNIT_MISMATCH', status: 422, detail } };
    }
    const request: RequestAllocationRequest = {
      pledgeId: entry.pledgeId,
      needId: entry.needId,
      amount: entry.amountInPledgeUnit.amount,
    };
    const claimed = await this.claim(entryRecordId(entry), requestHashOf(request), resuming);
    if ('replay' in claimed) return replayOf(entry, claimed.replay);
    const record = claimed.record;
    const idempotency = { recordId: record._id, createdAt: record.createdAt.getTime() };
    const entryContext: CommandContext = {
      ...context,
      commandId: newIdFor({ ...context, idempotency }, 'command'),
      idempotency,
    };
    try {
      const answer = (await this.commandBus.execute(
        new RequestAllocationCommand(request, entryContext),
      )) as CommandResult;
      await this.keys.complete(record._id, { status: 201, body: answer, contentType: 'application/json' });
      return { ...entry, outcome: 'created', ...allocationOf(answer) };
    } catch (error) {
      const problem = this.problemOf(error);
      if (problem.status >= 500 || problem.code === 'VERSION_CONFLICT') {
        await this.keys.release(record._id);
        if (problem.status >= 500) throw error;
      } else {
        await this.keys.complete(record._id, {
          status: problem.status,
          body: problem.body,
          contentType: 'application/problem+json',
        });
      }
      return { ...entry, outcome: 'failed', problem: problemFieldsOf(problem.body) };
    }
  }

  private async claim(
    _id: string,
    requestHash: string,
    resuming: boolean,
  ): Promise<{ record: IdempotencyRecord } | { replay: IdempotencyRecord }> {
    const result = await this.keys.claim({ _id, requestHash, state: 'in_progress', createdAt: this.clock() });
    if (result.claimed) return { record: result.record };
    const existing = result.record;
    if (existing.state === 'completed') return { replay: existing };
    if (!resuming && this.clock().getTime() - existing.createdAt.getTime() < staleClaimMs) return { replay: existing };
    // An earlier run died on this entry: running it again reuses its ids, so nothing is written twice.
    return { record: existing };
  }
}

function replayOf(entry: PlanEntry, record: IdempotencyRecord): EntryReport {
  if (record.state !== 'completed') {
    const detail = 'another request is applying this entry now';
    return { ...entry, outcome: 'failed', problem: { code: 'IDEMPOTENCY_KEY_IN_PROGRESS', status: 409, detail } };
  }
  if ((record.status ?? 500) < 300) {
    return { ...entry, outcome: 'already_applied', ...allocationOf(record.body as CommandResult) };
  }
  return { ...entry, outcome: 'failed', problem: problemFieldsOf(record.body as EntryProblem) };
}

const allocationOf = (answer: CommandResult) => ({
  allocationId: answer.id,
  ...(answer.status !== undefined && { status: answer.status }),
  consistencyToken: answer.consistencyToken,
});

const problemFieldsOf = ({ code, status, detail }: EntryProblem): EntryProblem => ({ code, status, detail });
