import { pledgeDecider, pledgeStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../commands/command-answer';
import { metadataOf } from '../../commands/command-context';
import { Streams, tokenOf } from '../../commands/streams';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

/** Only the unallocated part is released; allocations already made stay and can still be delivered (DESIGN §2). */
@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand, CommandAnswer> {
  constructor(private readonly streams: Streams) {}

  async execute({ pledgeId, reason, context }: WithdrawPledgeCommand): Promise<CommandAnswer> {
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
      consistencyToken: tokenOf(pledgeStreamType, pledgeId, version),
    };
  }
}
