import { pledgeDecider, pledgeStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

/** Only the unallocated part is released; allocations already made stay and can still be delivered (DESIGN §2). */
@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  execute(command: WithdrawPledgeCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({
    pledgeId,
    reason,
    context,
  }: WithdrawPledgeCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const { state, version } = await this.streams.execute({
      streamType: pledgeStreamType,
      id: pledgeId,
      decider: pledgeDecider,
      command: {
        type: 'WithdrawPledge',
        data: { pledgeId, reason },
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
