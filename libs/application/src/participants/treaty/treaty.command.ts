import type { DecideDeadlineExtension, RecordTreatyAction, RequestDeadlineExtension } from '@cm/domain';
import { CommandContext } from '../../command-context';
import { CommandBody } from '../../command-executor';

/** One of the three treaty commands on a participant's stream: they share loading, deciding and answering. */
export class TreatyCommand {
  constructor(
    readonly participantId: string,
    readonly command: CommandBody<RecordTreatyAction | RequestDeadlineExtension | DecideDeadlineExtension>,
    readonly context: CommandContext,
  ) {}
}
