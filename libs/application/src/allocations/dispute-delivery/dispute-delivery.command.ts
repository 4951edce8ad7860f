import { CommandContext } from '../../command-context';

export class DisputeDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: { readonly reason: string },
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
