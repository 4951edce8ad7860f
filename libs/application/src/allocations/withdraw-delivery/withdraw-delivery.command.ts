import { CommandContext } from '../../command-context';

export class WithdrawDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: { readonly reason: string },
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
