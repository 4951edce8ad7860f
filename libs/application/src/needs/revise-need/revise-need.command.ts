import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { ReviseNeedRequest } from '../../../../../apps/api/src/needs/commands/revise-need.request.dto';

export class ReviseNeedCommand {
  constructor(
    readonly needId: string,
    readonly request: ReviseNeedRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
