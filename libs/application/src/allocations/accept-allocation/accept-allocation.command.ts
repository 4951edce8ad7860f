import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { OptionalReasonRequest } from '../../../../../apps/api/src/http/reason-request.dto';

export class AcceptAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: OptionalReasonRequest,
    readonly context: CommandContext,
  ) {}
}
