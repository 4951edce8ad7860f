import { pledgeAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newIdFor } from '../../command-context';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { SubmitPledgeCommand } from './submit-pledge.command';

@CommandHandler(SubmitPledgeCommand)
export class SubmitPledgeHandler implements ICommandHandler<SubmitPledgeCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ request, context }: SubmitPledgeCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const pledgeId = newIdFor(context, 'pledge');
      const command = { type: 'SubmitPledge' as const, data: { ...request, pledgeId } };
      const { state, version } = await this.executor.execute(pledgeAggregate, pledgeId, command, context);
      return { id: pledgeId, version, status: state?.status };
    });
  }
}
