import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { AllocationChanges } from '../allocation-changes';
import { AcceptAllocationCommand } from './accept-allocation.command';

@CommandHandler(AcceptAllocationCommand)
export class AcceptAllocationHandler implements ICommandHandler<AcceptAllocationCommand, CommandAnswer> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, context }: AcceptAllocationCommand): Promise<CommandAnswer> {
    const data = { allocationId };
    const command = { type: 'AcceptAllocation' as const, data, metadata: { actor: context.actor, now: context.now } };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: false });
  }
}
