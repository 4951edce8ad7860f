import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { AllocationChanges } from '../allocation-changes';
import { DeclineAllocationCommand } from './decline-allocation.command';

@CommandHandler(DeclineAllocationCommand)
export class DeclineAllocationHandler implements ICommandHandler<DeclineAllocationCommand, CommandAnswer> {
  constructor(private readonly allocations: AllocationChanges) {}

  execute({ allocationId, request, context }: DeclineAllocationCommand): Promise<CommandAnswer> {
    const data = { allocationId, ...(request.reason !== undefined && { reason: request.reason }) };
    const command = { type: 'DeclineAllocation' as const, data, metadata: { actor: context.actor, now: context.now } };
    return this.allocations.apply(allocationId, context, command, { touchesPledgeAndNeed: true });
  }
}
