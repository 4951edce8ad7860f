import { participantDecider, participantStreamType, type ParticipantCommand } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../commands/command-answer';
import { metadataOf } from '../../commands/command-context';
import { Streams, tokenOf } from '../../commands/streams';
import { TreatyCommand } from './treaty.command';

@CommandHandler(TreatyCommand)
export class TreatyHandler implements ICommandHandler<TreatyCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  async execute({ participantId, command, context }: TreatyCommand): Promise<CommandAnswer> {
    const { version } = await this.streams.execute({
      streamType: participantStreamType,
      id: participantId,
      decider: participantDecider,
      command: { ...command, metadata: { actor: context.actor, now: context.now } } as ParticipantCommand,
      metadata: metadataOf(context),
    });
    return { id: participantId, version, consistencyToken: tokenOf(participantStreamType, participantId, version) };
  }
}
