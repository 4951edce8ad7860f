import { pledgeAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { RevisePledgeCommand } from './revise-pledge.command';

@CommandHandler(RevisePledgeCommand)
export class RevisePledgeHandler implements ICommandHandler<RevisePledgeCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ pledgeId, request, context, expectedVersion }: RevisePledgeCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const command = { type: 'RevisePledge' as const, data: { ...request, pledgeId } };
      const { state, version } = await this.executor.execute(pledgeAggregate, pledgeId, command, context, {
        ifMatch: expectedVersion,
      });
      return { id: pledgeId, version, status: state?.status };
    });
  }
}
