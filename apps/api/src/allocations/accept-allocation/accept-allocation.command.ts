import { CommandContext } from '../../commands/command-context';

export class AcceptAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly context: CommandContext,
  ) {}
}
