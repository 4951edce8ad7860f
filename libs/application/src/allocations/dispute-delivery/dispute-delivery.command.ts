import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { ReasonRequest } from '../../../../../apps/api/src/http/reason-request.dto';

export class DisputeDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ReasonRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
