import { needAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { ReviseNeedCommand } from './revise-need.command';

@CommandHandler(ReviseNeedCommand)
export class ReviseNeedHandler implements ICommandHandler<ReviseNeedCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ needId, request, context, expectedVersion }: ReviseNeedCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const command = { type: 'ReviseNeed' as const, data: { ...request, needId } };
      const { state, version } = await this.executor.execute(needAggregate, needId, command, context, {
        ifMatch: expectedVersion,
      });
      return { id: needId, version, status: state?.status };
    });
  }
}
