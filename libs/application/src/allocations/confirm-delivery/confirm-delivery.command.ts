import type { ConfirmDelivery } from '@cm/domain';
import { CommandContext } from '../../command-context';

export type ConfirmDeliveryRequest = Omit<ConfirmDelivery['data'], 'allocationId' | 'deliveryId'>;

export class ConfirmDeliveryCommand {
  constructor(
    readonly allocationId: string,
    readonly request: ConfirmDeliveryRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
