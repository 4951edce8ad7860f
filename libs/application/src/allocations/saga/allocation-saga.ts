import { Inject, Injectable } from '@nestjs/common';
import { Actor, Allocation, allocationAggregate, DomainError, needAggregate, pledgeAggregate } from '@cm/domain';
import { CommandContext } from '../../command-context';
import { CommandExecutor, ExecuteOptions } from '../../command-executor';
import { ALLOCATION_INTENTS, AllocationIntents } from './allocation-intents';

/** Saga steps are not a participant's decision: the domain sees a broker; the events still name the real actor. */
const sagaActor: Actor = { sub: 'system:allocation-saga', role: 'coordinator' };
const step = (name: string): ExecuteOptions => ({ step: name, actingAs: sagaActor });

/**
 * Keeps a pledge and a need in line with an allocation: reserves both sides of a pending allocation (then proposes
 * it, or rejects it and releases what was reserved), records confirmed deliveries on both, and releases what a
 * declined, cancelled or rejected allocation still holds. Every step is idempotent by allocation and delivery id, so
 * running `reconcile` twice, or on two instances, or after a crash, converges to the same state.
 */
@Injectable()
export class AllocationSaga {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(ALLOCATION_INTENTS) private readonly intents: AllocationIntents,
  ) {}

  /** Runs `work` (which changes the allocation) under an intent, then reconciles the pledge and the need. */
  async track<T>(allocationId: string, context: CommandContext, work: () => Promise<T>): Promise<T> {
    await this.intents.record(allocationId, context.correlationId);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      // A rule refused the command before anything was written: nothing to reconcile. Anything else: the sweep will.
      if (error instanceof DomainError) await this.intents.remove(allocationId);
      throw error;
    }
    await this.reconcile(allocationId, context);
    return result;
  }

  async reconcile(allocationId: string, context: CommandContext): Promise<Allocation | null> {
    const { state: allocation } = await this.executor.load(allocationAggregate, allocationId);
    if (allocation) {
      if (allocation.status === 'pending') return this.completePending(allocation, context);
      await this.recordConfirmedDeliveries(allocation, context);
      if (['rejected', 'declined', 'cancelled'].includes(allocation.status)) await this.release(allocation, context);
    }
    await this.intents.remove(allocationId);
    return allocation;
  }

  private async completePending(allocation: Allocation, context: CommandContext): Promise<Allocation> {
    const { id: allocationId, pledgeId, needId } = allocation;
    let failure: DomainError | undefined;
    try {
      await this.executor.execute(
        pledgeAggregate,
        pledgeId,
        {
          type: 'ReservePledgeCapacity',
          data: { pledgeId, allocationId, amount: allocation.amount },
        },
        context,
        step(`reserve-pledge/${allocationId}`),
      );
      await this.executor.execute(
        needAggregate,
        needId,
        {
          type: 'ReserveNeedCapacity',
          data: { needId, allocationId, amount: allocation.needAmount },
        },
        context,
        step(`reserve-need/${allocationId}`),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failure = error;
    }
    const decided = await this.executor.execute(
      allocationAggregate,
      allocationId,
      failure
        ? {
            type: 'RejectAllocation',
            data: { allocationId, code: failure.code, detail: failure.detail },
          }
        : { type: 'ConfirmAllocationReservation', data: { allocationId } },
      context,
      step(failure ? 'reject' : 'confirm'),
    );
    if (failure) await this.release(allocation, context);
    await this.intents.remove(allocationId);
    return decided.state ?? allocation;
  }

  private async recordConfirmedDeliveries(allocation: Allocation, context: CommandContext): Promise<void> {
    const { id: allocationId, pledgeId, needId } = allocation;
    for (const delivery of Object.values(allocation.deliveries)) {
      if (delivery.status !== 'confirmed' || !delivery.needAmount) continue;
      const deliveryId = delivery.id;
      await this.executor.execute(
        pledgeAggregate,
        pledgeId,
        {
          type: 'RecordPledgeDelivery',
          data: { pledgeId, allocationId, deliveryId, amount: delivery.amount },
        },
        context,
        step(`deliver-pledge/${deliveryId}`),
      );
      await this.executor.execute(
        needAggregate,
        needId,
        {
          type: 'RecordNeedDelivery',
          data: { needId, allocationId, deliveryId, amount: delivery.needAmount },
        },
        context,
        step(`deliver-need/${deliveryId}`),
      );
    }
  }

  private async release(allocation: Allocation, context: CommandContext): Promise<void> {
    const { id: allocationId, pledgeId, needId } = allocation;
    await this.executor.execute(
      pledgeAggregate,
      pledgeId,
      { type: 'ReleasePledgeCapacity', data: { pledgeId, allocationId } },
      context,
      step(`release-pledge/${allocationId}`),
    );
    await this.executor.execute(
      needAggregate,
      needId,
      { type: 'ReleaseNeedCapacity', data: { needId, allocationId } },
      context,
      step(`release-need/${allocationId}`),
    );
  }

  /** A withdrawn need cancels the allocations still holding part of it, releasing both sides. */
  async cancelForWithdrawnNeed(allocationIds: string[], reason: string, context: CommandContext): Promise<void> {
    for (const allocationId of allocationIds) {
      await this.track(allocationId, context, async () => {
        try {
          await this.executor.execute(
            allocationAggregate,
            allocationId,
            {
              type: 'CancelAllocation',
              data: { allocationId, reason: `need withdrawn: ${reason}`.slice(0, 2_000) },
            },
            context,
            step(`cancel/${allocationId}`),
          );
        } catch (error) {
          // Already declined or cancelled (or still pending and about to be rejected): reconcile releases it anyway.
          if (!(error instanceof DomainError && error.code === 'INVALID_TRANSITION')) throw error;
        }
      });
    }
  }
}
