import {
  allocationAggregate,
  DomainError,
  DomainErrorCode,
  Need,
  needAggregate,
  Pledge,
  pledgeAggregate,
} from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newIdFor } from '../../command-context';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { AllocationSaga } from '../saga/allocation-saga';
import { RequestAllocationCommand } from './request-allocation.command';

/**
 * The allocation saga's start: record the request (compatibility checked, need-unit amount computed), then reserve
 * on the pledge and on the need, then propose; or reject and release. Answers once the outcome is known.
 */
@CommandHandler(RequestAllocationCommand)
export class RequestAllocationHandler implements ICommandHandler<RequestAllocationCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly saga: AllocationSaga,
  ) {}

  execute({ request, context }: RequestAllocationCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const [pledge, need] = await Promise.all([
        this.executor.load(pledgeAggregate, request.pledgeId),
        this.executor.load(needAggregate, request.needId),
      ]);
      if (!pledge.state) throw new DomainError('NOT_FOUND', `pledge ${request.pledgeId} does not exist`, 'pledgeId');
      if (!need.state) throw new DomainError('NOT_FOUND', `need ${request.needId} does not exist`, 'needId');
      const allocationId = newIdFor(context, 'allocation');
      const data = {
        allocationId,
        pledge: pledgeTermsOf(pledge.state),
        need: needTermsOf(need.state),
        amount: { amount: request.amount, unit: pledge.state.quantity.unit },
        ...(request.committedOn !== undefined && { committedOn: request.committedOn }),
      };
      await this.saga.track(allocationId, context, () =>
        this.executor.execute(allocationAggregate, allocationId, { type: 'RequestAllocation', data }, context),
      );
      const { state, version } = await this.executor.load(allocationAggregate, allocationId);
      if (state?.status === 'rejected') throw await this.rejection(allocationId);
      return { id: allocationId, version, status: state?.status };
    });
  }

  /** The rule that refused the allocation in a saga step, as the error the request answers with. */
  private async rejection(allocationId: string): Promise<DomainError> {
    const read = await this.executor.readEvents(allocationAggregate, allocationId);
    const rejected = read.find((event) => event.type === 'AllocationRejected');
    const { code, detail } = (rejected?.data as { code: DomainErrorCode; detail: string }) ?? {
      code: 'INVALID_TRANSITION',
      detail: 'rejected',
    };
    return new DomainError(code, `allocation ${allocationId} rejected: ${detail}`);
  }
}

const pledgeTermsOf = (pledge: Pledge) => ({
  pledgeId: pledge.id,
  donorId: pledge.donorId,
  assistanceType: pledge.assistanceType,
  pillars: pledge.pillars,
  unit: pledge.quantity.unit,
  ...(pledge.category !== undefined && { category: pledge.category }),
  ...(pledge.recipientId !== undefined && { recipientId: pledge.recipientId }),
});

const needTermsOf = (need: Need) => ({
  needId: need.id,
  requesterId: need.requesterId,
  assistanceType: need.assistanceType,
  pillar: need.pillar,
  unit: need.quantity.unit,
  ...(need.category !== undefined && { category: need.category }),
});
