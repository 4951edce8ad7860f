import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { RecordDeliveryRequest } from '../../../../../apps/api/src/allocations/commands/record-delivery.request.dto';

export class RecordDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: RecordDeliveryRequest,
    readonly context: CommandContext,
  ) {}
}
