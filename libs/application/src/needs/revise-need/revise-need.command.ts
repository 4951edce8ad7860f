import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { ReviseNeedRequest } from '../../../../../apps/api/src/needs/revise-need/revise-need.request.dto';

export class ReviseNeedCommand {
  constructor(
    readonly needId: string,
    readonly request: ReviseNeedRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
