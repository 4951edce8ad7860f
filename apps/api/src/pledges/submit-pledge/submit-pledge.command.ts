import { CommandContext } from '../../commands/command-context';
import { SubmitPledgeRequest } from './submit-pledge.request.dto';

export class SubmitPledgeCommand {
  constructor(
    readonly request: SubmitPledgeRequest,
    readonly context: CommandContext,
  ) {}
}
