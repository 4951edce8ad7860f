import { Injectable } from '@nestjs/common';
import { coalitionAggregate, CoalitionCommand, KnownParticipants, participantAggregate } from '@cm/domain';
import { CommandContext } from '../command-context';
import { CommandBody, CommandExecutor } from '../command-executor';
import { CommandResult } from '../command-result';

type CommandOf<T extends CoalitionCommand['type']> = Extract<CoalitionCommand, { type: T }>;
type DataWithoutParticipants<T extends CoalitionCommand['type']> = Omit<CommandOf<T>['data'], 'participants'>;

/**
 * One command on a coalition. The participants it names are read from their own streams (the write side's truth, not
 * a read model that may lag), so that the decider can refuse an unregistered or ineligible one.
 */
@Injectable()
export class CoalitionChanges {
  constructor(private readonly executor: CommandExecutor) {}

  apply<T extends CoalitionCommand['type']>(
    type: T,
    data: DataWithoutParticipants<T>,
    context: CommandContext,
    named: readonly string[] = [],
  ): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const participants = await this.known(named);
      const command = {
        type,
        data: { ...data, ...(named.length > 0 && { participants }) },
      } as unknown as CommandBody<CommandOf<T>>;
      const { state, version } = await this.executor.execute(coalitionAggregate, data.coalitionId, command, context);
      return { id: data.coalitionId, version, status: state?.status };
    });
  }

  private async known(ids: readonly string[]): Promise<KnownParticipants> {
    const found = await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const { state } = await this.executor.load(participantAggregate, id);
        return [id, state ? { kind: state.kind } : undefined] as const;
      }),
    );
    return Object.fromEntries(found);
  }
}
