import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { RequestAllocationRequest } from '../../../../../apps/api/src/allocations/commands/request-allocation.request.dto';

export class RequestAllocationCommand {
  constructor(
    readonly request: RequestAllocationRequest,
    readonly context: CommandContext,
  ) {}
}
