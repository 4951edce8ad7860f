import { NeedEvent, needDecider, needStreamType } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AllocationSaga } from '../../allocations/saga/allocation-saga';
import { CommandAnswer } from '../../../../../apps/api/src/http/command-answer';
import { metadataOf } from '../../../../../apps/api/src/http/command-context';
import { Streams } from '../../command-executor';
import { WithdrawNeedCommand } from './withdraw-need.command';

/** Withdrawing a need cancels its open allocations, which releases their reservations on both sides. */
@CommandHandler(WithdrawNeedCommand)
export class WithdrawNeedHandler implements ICommandHandler<WithdrawNeedCommand, CommandAnswer> {
  constructor(
    private readonly streams: Streams,
    private readonly saga: AllocationSaga,
  ) {}

  execute(command: WithdrawNeedCommand): Promise<CommandAnswer> {
    return this.streams.answer(() => this.decide(command));
  }

  private async decide({
    needId,
    reason,
    context,
  }: WithdrawNeedCommand): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const { state, version, events } = await this.streams.execute({
      streamType: needStreamType,
      id: needId,
      decider: needDecider,
      command: { type: 'WithdrawNeed', data: { needId, reason }, metadata: { actor: context.actor, now: context.now } },
      metadata: metadataOf(context),
    });
    const withdrawn = events.find(
      (event): event is Extract<NeedEvent, { type: 'NeedWithdrawn' }> => event.type === 'NeedWithdrawn',
    );
    if (withdrawn) await this.saga.cancelForWithdrawnNeed(withdrawn.data.openAllocationIds, reason, context);
    // The cancellations appended releases to the need: answer its latest version.
    const latest = withdrawn?.data.openAllocationIds.length
      ? await this.streams.load(needStreamType, needId, needDecider)
      : { state, version };
    return {
      id: needId,
      version: latest.version,
      status: latest.state?.status,
    };
  }
}
