import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { AllocationChanges } from '../allocation-changes';
import { ConfirmDeliveryCommand } from './confirm-delivery.command';

@CommandHandler(ConfirmDeliveryCommand)
export class ConfirmDeliveryHandler implements ICommandHandler<ConfirmDeliveryCommand, CommandAnswer> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context, deliveryId }: ConfirmDeliveryCommand): Promise<CommandAnswer> {
    const data = {
      allocationId,
      deliveryId,
      ...(request.receivedOn !== undefined && { receivedOn: request.receivedOn }),
    };
    const command = { type: 'ConfirmDelivery' as const, data, metadata: { actor: context.actor, now: context.now } };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true, answerId: deliveryId });
  }
}
