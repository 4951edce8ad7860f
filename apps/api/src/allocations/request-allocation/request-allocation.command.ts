import { CommandContext } from '../../commands/command-context';
import { RequestAllocationRequest } from './request-allocation.request.dto';

export class RequestAllocationCommand {
  constructor(
    readonly request: RequestAllocationRequest,
    readonly context: CommandContext,
  ) {}
}
