import { CommandContext } from '../../commands/command-context';
import { CorrectDeliveryRequest } from './correct-delivery.request.dto';

export class CorrectDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: CorrectDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
