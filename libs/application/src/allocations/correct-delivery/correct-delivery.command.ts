import type { CorrectDelivery } from '@cm/domain';
import { CommandContext } from '../../command-context';

/** `amount` in the pledge's unit, as a number: the unit is the allocation's. */
export type CorrectDeliveryRequest = Omit<CorrectDelivery['data'], 'allocationId' | 'deliveryId' | 'amount'> & {
  amount?: number;
};

export class CorrectDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: CorrectDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
