import { CommandContext } from '../../command-context';

export class CancelAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: { readonly reason: string },
    readonly context: CommandContext,
  ) {}
}
