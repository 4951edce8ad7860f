import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { RevisePledgeRequest } from '../../../../../apps/api/src/pledges/commands/revise-pledge.request.dto';

export class RevisePledgeCommand {
  constructor(
    readonly pledgeId: string,
    readonly request: RevisePledgeRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
