import { allocationDecider, allocationStreamType, DomainError } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { Streams } from '../../command-executor';
import { AllocationChanges } from '../allocation-changes';
import { CorrectDeliveryCommand } from './correct-delivery.command';

/** Nothing is confirmed by a correction, so the need and pledge totals do not move until the recipient confirms. */
@CommandHandler(CorrectDeliveryCommand)
export class CorrectDeliveryHandler implements ICommandHandler<CorrectDeliveryCommand, CommandAnswer> {
  constructor(
    private readonly streams: Streams,
    private readonly allocations: AllocationChanges,
  ) {}

  async execute({ allocationId, request, context, deliveryId }: CorrectDeliveryCommand): Promise<CommandAnswer> {
    const { state } = await this.streams.load(allocationStreamType, allocationId, allocationDecider);
    if (!state) throw new DomainError('NOT_FOUND', `allocation ${allocationId} does not exist`, 'allocationId');
    const data = {
      allocationId,
      deliveryId,
      reason: request.reason,
      ...(request.amount !== undefined && { amount: { amount: request.amount, unit: state.amount.unit } }),
      ...(request.deliveredOn !== undefined && { deliveredOn: request.deliveredOn }),
    };
    const command = { type: 'CorrectDelivery' as const, data, metadata: { actor: context.actor, now: context.now } };
    const answer = await this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
    return { ...answer, status: 'recorded' };
  }
}
