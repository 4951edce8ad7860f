import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../command-result';
import { AllocationChanges } from '../allocation-changes';
import { DeclineAllocationCommand } from './decline-allocation.command';

@CommandHandler(DeclineAllocationCommand)
export class DeclineAllocationHandler implements ICommandHandler<DeclineAllocationCommand, CommandResult> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context }: DeclineAllocationCommand): Promise<CommandResult> {
    const data = { allocationId, ...(request.reason !== undefined && { reason: request.reason }) };
    const command = { type: 'DeclineAllocation' as const, data };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true });
  }
}
