import { CommandContext } from '../../command-context';

export class AcceptAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: { readonly reason?: string },
    readonly context: CommandContext,
  ) {}
}
