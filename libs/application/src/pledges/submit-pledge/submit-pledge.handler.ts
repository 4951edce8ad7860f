import { pledgeDecider, pledgeStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf, newIdFor } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { SubmitPledgeCommand } from './submit-pledge.command';

@CommandHandler(SubmitPledgeCommand)
export class SubmitPledgeHandler implements ICommandHandler<SubmitPledgeCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(command: SubmitPledgeCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({ request, context }: SubmitPledgeCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const pledgeId = newIdFor(context, 'pledge');
    const { state, version } = await this.streams.execute({
      streamType: pledgeStreamType,
      id: pledgeId,
      decider: pledgeDecider,
      command: {
        type: 'SubmitPledge',
        data: { ...request, pledgeId },
        metadata: { actor: context.actor, now: context.now },
      },
      metadata: metadataOf(context),
    });
    return {
      id: pledgeId,
      version,
      status: state?.status,
    };
  }
}
