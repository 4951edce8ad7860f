import { CommandContext } from '../../commands/command-context';
import { ReasonRequest } from '../../commands/reason-request.dto';

export class WithdrawDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ReasonRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
