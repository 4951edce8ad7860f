import {
  allocationDecider,
  allocationStreamType,
  DomainError,
  Need,
  needDecider,
  needStreamType,
  Pledge,
  pledgeDecider,
  pledgeStreamType,
} from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf, newIdFor } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { Problem } from '../../../../../apps/api/src/problems/problem';
import { domainErrorStatus } from '../../../../../apps/api/src/problems/problem-mapping';
import { AllocationSaga } from '../saga/allocation-saga';
import { RequestAllocationCommand } from './request-allocation.command';

/**
 * The allocation saga's start: record the request (compatibility checked, need-unit amount computed), then reserve
 * on the pledge and on the need, then propose; or reject and release. Answers once the outcome is known.
 */
@CommandHandler(RequestAllocationCommand)
export class RequestAllocationHandler implements ICommandHandler<RequestAllocationCommand, CommandAnswer> {
  constructor(
    private readonly streams: Streams,
    private readonly saga: AllocationSaga,
  ) {}

  execute(command: RequestAllocationCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({
    request,
    context,
  }: RequestAllocationCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const [pledge, need] = await Promise.all([
      this.streams.load(pledgeStreamType, request.pledgeId, pledgeDecider),
      this.streams.load(needStreamType, request.needId, needDecider),
    ]);
    if (!pledge.state) throw new DomainError('NOT_FOUND', `pledge ${request.pledgeId} does not exist`, 'pledgeId');
    if (!need.state) throw new DomainError('NOT_FOUND', `need ${request.needId} does not exist`, 'needId');
    const allocationId = newIdFor(context, 'allocation');
    await this.saga.track(allocationId, context, () =>
      this.streams.execute({
        streamType: allocationStreamType,
        id: allocationId,
        decider: allocationDecider,
        command: {
          type: 'RequestAllocation',
          data: {
            allocationId,
            pledge: pledgeTermsOf(pledge.state!),
            need: needTermsOf(need.state!),
            amount: { amount: request.amount, unit: pledge.state!.quantity.unit },
            ...(request.committedOn !== undefined && { committedOn: request.committedOn }),
          },
          metadata: { actor: context.actor, now: context.now },
        },
        metadata: metadataOf(context),
      }),
    );
    const { state, version } = await this.streams.load(allocationStreamType, allocationId, allocationDecider);
    if (state?.status === 'rejected') throw rejectionOf(state.id, await this.rejection(allocationId));
    return {
      id: allocationId,
      version,
      status: state?.status,
    };
  }

  private async rejection(allocationId: string): Promise<{ code: string; detail: string }> {
    const read = await this.streams.readEvents(allocationStreamType, allocationId);
    const rejected = read.find((event) => event.type === 'AllocationRejected');
    return (rejected?.data as { code: string; detail: string }) ?? { code: 'INVALID_TRANSITION', detail: 'rejected' };
  }
}

function rejectionOf(allocationId: string, { code, detail }: { code: string; detail: string }): Problem {
  const status = (domainErrorStatus as Record<string, number>)[code] ?? 422;
  return new Problem(status, code, `allocation ${allocationId} rejected: ${detail}`);
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
