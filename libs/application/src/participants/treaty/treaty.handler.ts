import { participantDecider, participantStreamType, type ParticipantCommand } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { TreatyCommand } from './treaty.command';

@CommandHandler(TreatyCommand)
export class TreatyHandler implements ICommandHandler<TreatyCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(treaty: TreatyCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(treaty));
  }

  private async decide({
    participantId,
    command,
    context,
  }: TreatyCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const { version } = await this.streams.execute({
      streamType: participantStreamType,
      id: participantId,
      decider: participantDecider,
      command: { ...command, metadata: { actor: context.actor, now: context.now } } as ParticipantCommand,
      metadata: metadataOf(context),
    });
    return { id: participantId, version };
  }
}
