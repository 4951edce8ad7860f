import { participantDecider, participantStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { RegisterParticipantCommand } from './register-participant.command';

@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(command: RegisterParticipantCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({
    request,
    context,
  }: RegisterParticipantCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const { version } = await this.streams.execute({
      streamType: participantStreamType,
      id: request.id,
      decider: participantDecider,
      command: {
        type: 'RegisterParticipant',
        data: { ...request },
        metadata: { actor: context.actor, now: context.now },
      },
      metadata: metadataOf(context),
    });
    return { id: request.id, version };
  }
}
