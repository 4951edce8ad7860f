import type { WithdrawDeliveryDispute } from '@cm/domain';
import { CommandContext } from '../../command-context';

export type WithdrawDeliveryDisputeRequest = Omit<WithdrawDeliveryDispute['data'], 'allocationId' | 'deliveryId'>;

export class WithdrawDeliveryDisputeCommand {
  constructor(
    readonly allocationId: string,
    readonly request: WithdrawDeliveryDisputeRequest,
    readonly context: CommandContext,
    readonly deliveryId: string,
  ) {}
}
