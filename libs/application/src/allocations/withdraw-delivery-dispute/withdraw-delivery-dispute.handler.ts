import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { WithdrawDeliveryDisputeCommand } from './withdraw-delivery-dispute.command';

/** Withdrawing the dispute confirms the delivery, so the saga carries it to the need and pledge totals. */
@CommandHandler(WithdrawDeliveryDisputeCommand)
export class WithdrawDeliveryDisputeHandler implements ICommandHandler<WithdrawDeliveryDisputeCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context, deliveryId }: WithdrawDeliveryDisputeCommand): Promise<CommandResult> {
    const data = {
      allocationId,
      deliveryId,
      ...(request.reason !== undefined && { reason: request.reason }),
      ...(request.receivedOn !== undefined && { receivedOn: request.receivedOn }),
    };
    const command = {
      type: 'WithdrawDeliveryDispute' as const,
      data,
    };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true, answerId: deliveryId });
  }
}
