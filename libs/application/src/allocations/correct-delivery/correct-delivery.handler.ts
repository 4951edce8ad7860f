import { allocationAggregate, DomainError } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { CommandExecutor } from '../../command-executor';
import { AllocationChanges } from '../allocation-changes';
import { CorrectDeliveryCommand } from './correct-delivery.command';

/** Nothing is confirmed by a correction, so the need and pledge totals do not move until the recipient confirms. */
@CommandHandler(CorrectDeliveryCommand)
export class CorrectDeliveryHandler implements ICommandHandler<CorrectDeliveryCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly allocations: AllocationChanges,
  ) {}

  async execute({ allocationId, request, context, deliveryId }: CorrectDeliveryCommand): Promise<CommandResult> {
    const { state } = await this.executor.load(allocationAggregate, allocationId);
    if (!state) throw new DomainError('NOT_FOUND', `allocation ${allocationId} does not exist`, 'allocationId');
    const data = {
      allocationId,
      deliveryId,
      reason: request.reason,
      ...(request.amount !== undefined && { amount: { amount: request.amount, unit: state.amount.unit } }),
      ...(request.deliveredOn !== undefined && { deliveredOn: request.deliveredOn }),
    };
    const command = { type: 'CorrectDelivery' as const, data };
    const answer = await this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
    return { ...answer, status: 'recorded' };
  }
}
