import { Injectable } from '@nestjs/common';
import { allocationAggregate, AllocationCommand } from '@cm/domain';
import { CommandContext } from '../command-context';
import { CommandBody, CommandExecutor } from '../command-executor';
import { CommandResult } from '../command-result';
import { AllocationSaga } from './saga/allocation-saga';

/**
 * One command on an existing allocation. When it affects the pledge and the need (decline, cancel, a confirmed
 * delivery), it runs under an intent and the saga brings both in line before answering.
 */
@Injectable()
export class AllocationChanges {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly saga: AllocationSaga,
  ) {}

  async apply(
    allocationId: string,
    context: CommandContext,
    command: CommandBody<AllocationCommand>,
    options: { touchesPledgeAndNeed: boolean; answerId?: string },
  ): Promise<CommandResult & { allocationId: string }> {
    const answer = await this.executor.answer(async () => {
      const decide = () => this.executor.execute(allocationAggregate, allocationId, command, context);
      const { state, version } = options.touchesPledgeAndNeed
        ? await this.saga.track(allocationId, context, decide)
        : await decide();
      return { id: options.answerId ?? allocationId, version, status: state?.status };
    });
    return { ...answer, allocationId };
  }
}
