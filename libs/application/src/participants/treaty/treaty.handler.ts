import { participantAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { TreatyCommand } from './treaty.command';

@CommandHandler(TreatyCommand)
export class TreatyHandler implements ICommandHandler<TreatyCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ participantId, command, context }: TreatyCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const { version } = await this.executor.execute(participantAggregate, participantId, command, context);
      return { id: participantId, version };
    });
  }
}
