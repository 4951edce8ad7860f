import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { WithdrawDeliveryCommand } from './withdraw-delivery.command';

/** A disputed delivery was never confirmed, so withdrawing it changes no need or pledge total. */
@CommandHandler(WithdrawDeliveryCommand)
export class WithdrawDeliveryHandler implements ICommandHandler<WithdrawDeliveryCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  async execute({ allocationId, request, context, deliveryId }: WithdrawDeliveryCommand): Promise<CommandResult> {
    const data = { allocationId, deliveryId, reason: request.reason };
    const command = { type: 'WithdrawDelivery' as const, data };
    const answer = await this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
    return { ...answer, status: 'withdrawn' };
  }
}
