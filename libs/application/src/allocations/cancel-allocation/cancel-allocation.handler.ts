import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { AllocationChanges } from '../allocation-changes';
import { CancelAllocationCommand } from './cancel-allocation.command';

@CommandHandler(CancelAllocationCommand)
export class CancelAllocationHandler implements ICommandHandler<CancelAllocationCommand, CommandAnswer> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context }: CancelAllocationCommand): Promise<CommandAnswer> {
    const data = { allocationId, reason: request.reason };
    const command = { type: 'CancelAllocation' as const, data, metadata: { actor: context.actor, now: context.now } };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true });
  }
}
