import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { SubmitPledgeRequest } from '../../../../../apps/api/src/pledges/commands/submit-pledge.request.dto';

export class SubmitPledgeCommand {
  constructor(
    readonly request: SubmitPledgeRequest,
    readonly context: CommandContext,
  ) {}
}
