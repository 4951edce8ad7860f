import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, DisputeDeliveryCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ReasonRequest } from '../../http/reason-request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class DisputeDeliveryHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/deliveries/:deliveryId/dispute')
  @CommandRoute({
    record: 'Delivery',
    summary: 'Dispute a delivery (the recipient)',
    roles: ['affected_state'],
    failures: 'INVALID_TRANSITION, UNKNOWN_DELIVERY',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Param('deliveryId', RecordIdPipe) deliveryId: string,
    @Body() request: ReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new DisputeDeliveryCommand(allocationId, request, context, deliveryId));
  }
}
