import { CommandContext } from '../../commands/command-context';
import { ReviseNeedRequest } from './revise-need.request.dto';

export class ReviseNeedCommand {
  constructor(
    readonly needId: string,
    readonly request: ReviseNeedRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
