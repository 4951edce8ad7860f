import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { CancelAllocationCommand } from './cancel-allocation.command';

@CommandHandler(CancelAllocationCommand)
export class CancelAllocationHandler implements ICommandHandler<CancelAllocationCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context }: CancelAllocationCommand): Promise<CommandResult> {
    const data = { allocationId, reason: request.reason };
    const command = { type: 'CancelAllocation' as const, data };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true });
  }
}
