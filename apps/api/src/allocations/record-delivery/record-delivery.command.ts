import { CommandContext } from '../../commands/command-context';
import { RecordDeliveryRequest } from './record-delivery.request.dto';

export class RecordDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: RecordDeliveryRequest,
    readonly context: CommandContext,
  ) {}
}
