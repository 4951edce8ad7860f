import { pledgeDecider, pledgeStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { RevisePledgeCommand } from './revise-pledge.command';

@CommandHandler(RevisePledgeCommand)
export class RevisePledgeHandler implements ICommandHandler<RevisePledgeCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(command: RevisePledgeCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({
    pledgeId,
    request,
    context,
    expectedVersion,
  }: RevisePledgeCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const { state, version } = await this.streams.execute({
      streamType: pledgeStreamType,
      id: pledgeId,
      decider: pledgeDecider,
      command: {
        type: 'RevisePledge',
        data: { ...request, pledgeId },
        metadata: { actor: context.actor, now: context.now },
      },
      metadata: metadataOf(context),
      ifMatch: expectedVersion,
    });
    return {
      id: pledgeId,
      version,
      status: state?.status,
    };
  }
}
