import { needDecider, needStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../commands/command-answer';
import { metadataOf, newIdFor } from '../../commands/command-context';
import { Streams, tokenOf } from '../../commands/streams';
import { PostNeedCommand } from './post-need.command';

@CommandHandler(PostNeedCommand)
export class PostNeedHandler implements ICommandHandler<PostNeedCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  async execute({ request, context }: PostNeedCommand): Promise<CommandAnswer> {
    const needId = newIdFor(context, 'need');
    const { state, version } = await this.streams.execute({
      streamType: needStreamType,
      id: needId,
      decider: needDecider,
      command: { type: 'PostNeed', data: { ...request, needId }, metadata: { actor: context.actor, now: context.now } },
      metadata: metadataOf(context),
    });
    return { id: needId, version, status: state?.status, consistencyToken: tokenOf(needStreamType, needId, version) };
  }
}
