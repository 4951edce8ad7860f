import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, ConfirmDeliveryCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ConfirmDeliveryRequest } from './confirm-delivery.request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class ConfirmDeliveryHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/deliveries/:deliveryId/confirm')
  @CommandRoute({
    record: 'Delivery',
    summary: 'Confirm receipt of a delivery (the recipient); the need and pledge totals follow',
    roles: ['affected_state'],
    failures: 'INVALID_TRANSITION, UNKNOWN_DELIVERY',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Param('deliveryId', RecordIdPipe) deliveryId: string,
    @Body() request: ConfirmDeliveryRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new ConfirmDeliveryCommand(allocationId, request, context, deliveryId));
  }
}
