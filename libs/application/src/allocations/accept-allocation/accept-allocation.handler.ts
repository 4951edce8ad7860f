import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { AcceptAllocationCommand } from './accept-allocation.command';

@CommandHandler(AcceptAllocationCommand)
export class AcceptAllocationHandler implements ICommandHandler<AcceptAllocationCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, context }: AcceptAllocationCommand): Promise<CommandResult> {
    const data = { allocationId };
    const command = { type: 'AcceptAllocation' as const, data };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: false });
  }
}
