import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { CorrectDeliveryRequest } from '../../../../../apps/api/src/allocations/correct-delivery/correct-delivery.request.dto';

export class CorrectDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: CorrectDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
