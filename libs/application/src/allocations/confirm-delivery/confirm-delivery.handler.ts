import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { ConfirmDeliveryCommand } from './confirm-delivery.command';

@CommandHandler(ConfirmDeliveryCommand)
export class ConfirmDeliveryHandler implements ICommandHandler<ConfirmDeliveryCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context, deliveryId }: ConfirmDeliveryCommand): Promise<CommandResult> {
    const data = {
      allocationId,
      deliveryId,
      ...(request.receivedOn !== undefined && { receivedOn: request.receivedOn }),
    };
    const command = { type: 'ConfirmDelivery' as const, data };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true, answerId: deliveryId });
  }
}
