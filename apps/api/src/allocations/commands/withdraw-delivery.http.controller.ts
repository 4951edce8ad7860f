import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, WithdrawDeliveryCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ReasonRequest } from '../../http/reason-request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class WithdrawDeliveryHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/deliveries/:deliveryId/withdraw')
  @CommandRoute({
    record: 'Delivery',
    summary: 'Withdraw a disputed delivery (the donor): it no longer counts anywhere',
    roles: ['donor'],
    failures: 'INVALID_TRANSITION (not disputed), UNKNOWN_DELIVERY',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Param('deliveryId', RecordIdPipe) deliveryId: string,
    @Body() request: ReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new WithdrawDeliveryCommand(allocationId, request, context, deliveryId));
  }
}
