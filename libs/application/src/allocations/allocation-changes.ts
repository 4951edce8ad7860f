import { Injectable } from '@nestjs/common';
import { AllocationCommand, allocationDecider, allocationStreamType } from '@cm/domain';
import { CommandAnswer } from '../../../../apps/api/src/http/command-answer';
import { CommandContext, metadataOf } from '../../../../apps/api/src/http/command-context';
import { Streams } from '../command-executor';
import { AllocationSaga } from './saga/allocation-saga';

/**
 * One command on an existing allocation. When it affects the pledge and the need (decline, cancel, a confirmed
 * delivery), it runs under an intent and the saga brings both in line before answering.
 */
@Injectable()
export class AllocationChanges {
  constructor(
    private readonly streams: Streams,
    private readonly saga: AllocationSaga,
  ) {}

  async apply(
    allocationId: string,
    context: CommandContext,
    command: AllocationCommand,
    options: { touchesPledgeAndNeed: boolean; answerId?: string },
  ): Promise<CommandAnswer & { allocationId: string }> {
    const answer = await this.streams.answer(() => this.decide(allocationId, context, command, options));
    return { ...answer, allocationId };
  }

  private async decide(
    allocationId: string,
    context: CommandContext,
    command: AllocationCommand,
    options: { touchesPledgeAndNeed: boolean; answerId?: string },
  ): Promise<Omit<CommandAnswer, 'consistencyToken'>> {
    const decide = () =>
      this.streams.execute({
        streamType: allocationStreamType,
        id: allocationId,
        decider: allocationDecider,
        command,
        metadata: metadataOf(context),
      });
    const { state, version } = options.touchesPledgeAndNeed
      ? await this.saga.track(allocationId, context, decide)
      : await decide();
    return {
      id: options.answerId ?? allocationId,
      version,
      status: state?.status,
    };
  }
}
