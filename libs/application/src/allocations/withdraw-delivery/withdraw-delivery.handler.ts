import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { AllocationChanges } from '../allocation-changes';
import { WithdrawDeliveryCommand } from './withdraw-delivery.command';

/** A disputed delivery was never confirmed, so withdrawing it changes no need or pledge total. */
@CommandHandler(WithdrawDeliveryCommand)
export class WithdrawDeliveryHandler implements ICommandHandler<WithdrawDeliveryCommand, CommandAnswer> {
  constructor(private readonly allocations: AllocationChanges) {}

  async execute({ allocationId, request, context, deliveryId }: WithdrawDeliveryCommand): Promise<CommandAnswer> {
    const data = { allocationId, deliveryId, reason: request.reason };
    const command = { type: 'WithdrawDelivery' as const, data, metadata: { actor: context.actor, now: context.now } };
    const answer = await this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
    return { ...answer, status: 'withdrawn' };
  }
}
