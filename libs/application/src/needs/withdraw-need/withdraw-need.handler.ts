import { needAggregate, NeedEvent } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AllocationSaga } from '../../allocations/saga/allocation-saga';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { WithdrawNeedCommand } from './withdraw-need.command';

@CommandHandler(WithdrawNeedCommand)
export class WithdrawNeedHandler implements ICommandHandler<WithdrawNeedCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly saga: AllocationSaga,
  ) {}

  execute({ needId, reason, context }: WithdrawNeedCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const command = { type: 'WithdrawNeed' as const, data: { needId, reason } };
      const { state, version, events } = await this.executor.execute(needAggregate, needId, command, context);
      const withdrawn = events.find(
        (event): event is Extract<NeedEvent, { type: 'NeedWithdrawn' }> => event.type === 'NeedWithdrawn',
      );
      if (withdrawn) await this.saga.cancelForWithdrawnNeed(withdrawn.data.openAllocationIds, reason, context);
      // The cancellations appended releases to the need: answer its latest version.
      const latest = withdrawn?.data.openAllocationIds.length
        ? await this.executor.load(needAggregate, needId)
        : { state, version };
      return { id: needId, version: latest.version, status: latest.state?.status };
    });
  }
}
