import { CommandContext } from '../../commands/command-context';
import { RevisePledgeRequest } from './revise-pledge.request.dto';

export class RevisePledgeCommand {
  constructor(
    readonly pledgeId: string,
    readonly request: RevisePledgeRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
