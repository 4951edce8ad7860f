import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { WithdrawDeliveryDisputeRequest } from '../../../../../apps/api/src/allocations/withdraw-delivery-dispute/withdraw-delivery-dispute.request.dto';

export class WithdrawDeliveryDisputeCommand {
  constructor(
    readonly allocationId: string,
    readonly request: WithdrawDeliveryDisputeRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
