import { needDecider, needStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { ReviseNeedCommand } from './revise-need.command';

@CommandHandler(ReviseNeedCommand)
export class ReviseNeedHandler implements ICommandHandler<ReviseNeedCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(command: ReviseNeedCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({
    needId,
    request,
    context,
    expectedVersion,
  }: ReviseNeedCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
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
    return { id: needId, version, status: state?.status };
  }
}
