import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { RevisePledgeRequest } from '../../../../../apps/api/src/pledges/revise-pledge/revise-pledge.request.dto';

export class RevisePledgeCommand {
  constructor(
    readonly pledgeId: string,
    readonly request: RevisePledgeRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
