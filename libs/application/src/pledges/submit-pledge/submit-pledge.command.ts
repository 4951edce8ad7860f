import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { SubmitPledgeRequest } from '../../../../../apps/api/src/pledges/submit-pledge/submit-pledge.request.dto';

export class SubmitPledgeCommand {
  constructor(
    readonly request: SubmitPledgeRequest,
    readonly context: CommandContext,
  ) {}
}
