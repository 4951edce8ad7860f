import { CommandContext } from '../../commands/command-context';
import { OptionalReasonRequest } from '../../commands/reason-request.dto';

export class AcceptAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: OptionalReasonRequest,
    readonly context: CommandContext,
  ) {}
}
