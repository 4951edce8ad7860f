import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { RecordDeliveryRequest } from '../../../../../apps/api/src/allocations/record-delivery/record-delivery.request.dto';

export class RecordDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: RecordDeliveryRequest,
    readonly context: CommandContext,
  ) {}
}
