import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { WithdrawDeliveryDisputeRequest } from '../../../../../apps/api/src/allocations/commands/withdraw-delivery-dispute.request.dto';

export class WithdrawDeliveryDisputeCommand {
  constructor(
    readonly allocationId: string,
    readonly request: WithdrawDeliveryDisputeRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
