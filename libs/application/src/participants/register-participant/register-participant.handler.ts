import { participantAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { RegisterParticipantCommand } from './register-participant.command';

@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ request, context }: RegisterParticipantCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const command = { type: 'RegisterParticipant' as const, data: { ...request } };
      const { version } = await this.executor.execute(participantAggregate, request.id, command, context);
      return { id: request.id, version };
    });
  }
}
