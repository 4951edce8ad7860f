import { needDecider, needStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf, newIdFor } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { PostNeedCommand } from './post-need.command';

@CommandHandler(PostNeedCommand)
export class PostNeedHandler implements ICommandHandler<PostNeedCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(command: PostNeedCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({ request, context }: PostNeedCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const needId = newIdFor(context, 'need');
    const { state, version } = await this.streams.execute({
      streamType: needStreamType,
      id: needId,
      decider: needDecider,
      command: { type: 'PostNeed', data: { ...request, needId }, metadata: { actor: context.actor, now: context.now } },
      metadata: metadataOf(context),
    });
    return { id: needId, version, status: state?.status };
  }
}
