import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { CorrectDeliveryRequest } from '../../../../../apps/api/src/allocations/commands/correct-delivery.request.dto';

export class CorrectDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: CorrectDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
