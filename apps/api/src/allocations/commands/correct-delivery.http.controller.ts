import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, CorrectDeliveryCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { CorrectDeliveryRequest } from './correct-delivery.request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class CorrectDeliveryHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/deliveries/:deliveryId/correct')
  @CommandRoute({
    record: 'Delivery',
    summary: 'Correct a disputed delivery (the donor): new amount and/or date; it awaits confirmation again',
    roles: ['donor'],
    failures: 'INVALID_TRANSITION (not disputed), INVALID_FIELD (nothing changes), OVER_DELIVERY, UNKNOWN_DELIVERY',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Param('deliveryId', RecordIdPipe) deliveryId: string,
    @Body() request: CorrectDeliveryRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new CorrectDeliveryCommand(allocationId, request, context, deliveryId));
  }
}
