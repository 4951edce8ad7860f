import type { RecordDelivery } from '@cm/domain';
import { CommandContext } from '../../command-context';

/** `amount` in the pledge's unit, as a number: the unit is the allocation's. */
export type RecordDeliveryRequest = Omit<RecordDelivery['data'], 'allocationId' | 'deliveryId' | 'amount'> & {
  amount: number;
};

export class RecordDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: RecordDeliveryRequest,
    readonly context: CommandContext,
  ) {}
}
