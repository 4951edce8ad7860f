import type { DecideDeadlineExtension, RecordTreatyAction, RequestDeadlineExtension } from '@cm/domain';
import { CommandContext } from '../../../../../apps/api/src/http/command-context';

type TreatyCommandOf<C extends { type: string; data: unknown }> = { type: C['type']; data: C['data'] };

/** One of the three treaty commands on a participant's stream: they share loading, deciding and answering. */
export class TreatyCommand {
  constructor(
    readonly participantId: string,
    readonly command:
      | TreatyCommandOf<RecordTreatyAction>
      | TreatyCommandOf<RequestDeadlineExtension>
      | TreatyCommandOf<DecideDeadlineExtension>,
    readonly context: CommandContext,
  ) {}
}
