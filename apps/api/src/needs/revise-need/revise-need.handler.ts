import { needDecider, needStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../commands/command-answer';
import { metadataOf } from '../../commands/command-context';
import { Streams, tokenOf } from '../../commands/streams';
import { ReviseNeedCommand } from './revise-need.command';

@CommandHandler(ReviseNeedCommand)
export class ReviseNeedHandler implements ICommandHandler<ReviseNeedCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  async execute({ needId, request, context, expectedVersion }: ReviseNeedCommand): Promise<CommandAnswer> {
    const { state, version } = await this.streams.execute({
      streamType: needStreamType,
      id: needId,
      decider: needDecider,
      command: {
        type: 'ReviseNeed',
        data: { ...request, needId },
        metadata: { actor: context.actor, now: context.now },
      },
      metadata: metadataOf(context),
      ifMatch: expectedVersion,
    });
    return { id: needId, version, status: state?.status, consistencyToken: tokenOf(needStreamType, needId, version) };
  }
}
