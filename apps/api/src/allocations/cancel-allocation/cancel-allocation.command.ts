import { CommandContext } from '../../commands/command-context';
import { ReasonRequest } from '../../commands/reason-request.dto';

export class CancelAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ReasonRequest,
    readonly context: CommandContext,
  ) {}
}
