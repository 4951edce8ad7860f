import { allocationAggregate, DomainError } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { newIdFor } from '../../command-context';
import { CommandExecutor } from '../../command-executor';
import { AllocationChanges } from '../allocation-changes';
import { RecordDeliveryCommand } from './record-delivery.command';

/** The donor records what it sent; the totals of the need and pledge change only when the recipient confirms. */
@CommandHandler(RecordDeliveryCommand)
export class RecordDeliveryHandler implements ICommandHandler<RecordDeliveryCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly allocations: AllocationChanges,
  ) {}

  async execute({ allocationId, request, context }: RecordDeliveryCommand): Promise<CommandResult> {
    const { state } = await this.executor.load(allocationAggregate, allocationId);
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
    const command = { type: 'RecordDelivery' as const, data };
    const answer = await this.allocations.apply(allocationId, context, command, {
      touchesPledgeAndNeed: false,
      answerId: deliveryId,
    });
    return { ...answer, status: 'recorded' };
  }
}
