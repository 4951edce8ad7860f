import { allocationDecider, allocationStreamType, DomainError } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { newIdFor } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { AllocationChanges } from '../allocation-changes';
import { RecordDeliveryCommand } from './record-delivery.command';

/** The donor records what it sent; the totals of the need and pledge change only when the recipient confirms. */
@CommandHandler(RecordDeliveryCommand)
export class RecordDeliveryHandler implements ICommandHandler<RecordDeliveryCommand, CommandAnswer> {
  constructor(
    private readonly streams: Streams,
    private readonly allocations: AllocationChanges,
  ) {}

  async execute({ allocationId, request, context }: RecordDeliveryCommand): Promise<CommandAnswer> {
    const { state } = await this.streams.load(allocationStreamType, allocationId, allocationDecider);
    if (!state) throw new DomainError('NOT_FOUND', `allocation ${allocationId} does not exist`, 'allocationId');
    const deliveryId = newIdFor(context, 'delivery');
    const { reference, note } = request;
    const data = {
      allocationId,
      deliveryId,
      amount: { amount: request.amount, unit: state.amount.unit },
      deliveredOn: request.deliveredOn,
      ...(reference !== undefined && { reference }),
      ...(note !== undefined && { note }),
    };
    const command = { type: 'RecordDelivery' as const, data, metadata: { actor: context.actor, now: context.now } };
    const answer = await this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
    return { ...answer, status: 'recorded' };
  }
}
