import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { AllocationChanges } from '../allocation-changes';
import { DisputeDeliveryCommand } from './dispute-delivery.command';

@CommandHandler(DisputeDeliveryCommand)
export class DisputeDeliveryHandler implements ICommandHandler<DisputeDeliveryCommand, CommandAnswer> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context, deliveryId }: DisputeDeliveryCommand): Promise<CommandAnswer> {
    const data = { allocationId, deliveryId, reason: request.reason };
    const command = { type: 'DisputeDelivery' as const, data, metadata: { actor: context.actor, now: context.now } };
    return this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
  }
}
