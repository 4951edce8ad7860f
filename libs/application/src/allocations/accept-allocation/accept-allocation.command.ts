import { CommandContext } from '../../command-context';

export class AcceptAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly context: CommandContext,
  ) {}
}
