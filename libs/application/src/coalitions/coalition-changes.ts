import { Injectable } from '@nestjs/common';
import {
  CoalitionCommand,
  coalitionDecider,
  coalitionStreamType,
  KnownParticipants,
  participantDecider,
  participantStreamType,
} from '@cm/domain';
import { CommandAnswer } from '../../../../apps/api/src/http/command-answer';
import { CommandContext, metadataOf } from '../../../../apps/api/src/http/command-context';
import { Streams } from '../command-executor';

type CommandOf<T extends CoalitionCommand['type']> = Extract<CoalitionCommand, { type: T }>;
type DataWithoutParticipants<T extends CoalitionCommand['type']> = Omit<CommandOf<T>['data'], 'participants'>;

/**
 * One command on a coalition. The participants it names are read from their own streams (the write side's truth, not
 * a read model that may lag), so that the decider can refuse an unregistered or ineligible one.
 */
@Injectable()
export class CoalitionChanges {
  constructor(private readonly streams: Streams) {}

  apply<T extends CoalitionCommand['type']>(
    type: T,
    data: DataWithoutParticipants<T>,
    context: CommandContext,
    named: readonly string[] = [],
  ): Promise<CommandAnswer> {
    return this.streams.answer(async () => {
      const participants = await this.known(named);
      const command = {
        type,
        data: { ...data, ...(named.length > 0 && { participants }) },
        metadata: { actor: context.actor, now: context.now },
      } as unknown as CommandOf<T>;
      const { state, version } = await this.streams.execute({
        streamType: coalitionStreamType,
        id: data.coalitionId,
        decider: coalitionDecider,
        command,
        metadata: metadataOf(context),
      });
      return { id: data.coalitionId, version, status: state?.status };
    });
  }

  private async known(ids: readonly string[]): Promise<KnownParticipants> {
    const found = await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const { state } = await this.streams.load(participantStreamType, id, participantDecider);
        return [id, state ? { kind: state.kind } : undefined] as const;
      }),
    );
    return Object.fromEntries(found);
  }
}
