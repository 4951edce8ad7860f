import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { OptionalReasonRequest } from '../../../../../apps/api/src/commands/reason-request.dto';

export class DeclineAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: OptionalReasonRequest,
    readonly context: CommandContext,
  ) {}
}
