import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { RequestAllocationRequest } from '../../../../../apps/api/src/allocations/request-allocation/request-allocation.request.dto';

export class RequestAllocationCommand {
  constructor(
    readonly request: RequestAllocationRequest,
    readonly context: CommandContext,
  ) {}
}
