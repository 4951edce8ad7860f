import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { ConfirmDeliveryRequest } from '../../../../../apps/api/src/allocations/commands/confirm-delivery.request.dto';

export class ConfirmDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ConfirmDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
