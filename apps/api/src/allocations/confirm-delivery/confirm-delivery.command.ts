import { CommandContext } from '../../commands/command-context';
import { ConfirmDeliveryRequest } from './confirm-delivery.request.dto';

export class ConfirmDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ConfirmDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
