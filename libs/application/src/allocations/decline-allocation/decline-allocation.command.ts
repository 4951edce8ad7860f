import { CommandContext } from '../../command-context';

export class DeclineAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly request: { readonly reason?: string },
    readonly context: CommandContext,
  ) {}
}
