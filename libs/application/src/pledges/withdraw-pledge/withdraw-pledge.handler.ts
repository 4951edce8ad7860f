import { pledgeAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ pledgeId, reason, context }: WithdrawPledgeCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const command = { type: 'WithdrawPledge' as const, data: { pledgeId, reason } };
      const { state, version } = await this.executor.execute(pledgeAggregate, pledgeId, command, context);
      return { id: pledgeId, version, status: state?.status };
    });
  }
}
