import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, WithdrawDeliveryDisputeCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { WithdrawDeliveryDisputeRequest } from './withdraw-delivery-dispute.request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class WithdrawDeliveryDisputeHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/deliveries/:deliveryId/withdraw-dispute')
  @CommandRoute({
    record: 'Delivery',
    summary: 'Withdraw a dispute (the recipient): the delivery is confirmed as recorded; need and pledge totals follow',
    roles: ['affected_state'],
    failures: 'INVALID_TRANSITION (not disputed), OVER_DELIVERY (a replacement was recorded), UNKNOWN_DELIVERY',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Param('deliveryId', RecordIdPipe) deliveryId: string,
    @Body() request: WithdrawDeliveryDisputeRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new WithdrawDeliveryDisputeCommand(allocationId, request, context, deliveryId));
  }
}
