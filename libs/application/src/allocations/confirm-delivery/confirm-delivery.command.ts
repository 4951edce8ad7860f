import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { ConfirmDeliveryRequest } from '../../../../../apps/api/src/allocations/confirm-delivery/confirm-delivery.request.dto';

export class ConfirmDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ConfirmDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
