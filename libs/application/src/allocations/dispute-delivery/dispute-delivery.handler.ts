import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { DisputeDeliveryCommand } from './dispute-delivery.command';

@CommandHandler(DisputeDeliveryCommand)
export class DisputeDeliveryHandler implements ICommandHandler<DisputeDeliveryCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context, deliveryId }: DisputeDeliveryCommand): Promise<CommandResult> {
    const data = { allocationId, deliveryId, reason: request.reason };
    const command = { type: 'DisputeDelivery' as const, data };
    return this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
  }
}
