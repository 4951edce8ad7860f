import { CommandContext } from '../../commands/command-context';
import { WithdrawDeliveryDisputeRequest } from './withdraw-delivery-dispute.request.dto';

export class WithdrawDeliveryDisputeCommand {
  constructor(
    readonly allocationId: string,
    readonly request: WithdrawDeliveryDisputeRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
