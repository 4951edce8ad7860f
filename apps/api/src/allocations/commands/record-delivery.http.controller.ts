import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, RecordDeliveryCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { RecordDeliveryRequest } from './record-delivery.request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class RecordDeliveryHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/deliveries')
  @CommandRoute({
    record: 'Delivery',
    summary: 'Record a delivery against an accepted allocation (the donor); answers the delivery id',
    roles: ['donor'],
    creates: true,
    failures: 'OVER_DELIVERY, INVALID_TRANSITION',
  })
  record(
    @Param('id', RecordIdPipe) allocationId: string,
    @Body() request: RecordDeliveryRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new RecordDeliveryCommand(allocationId, request, context));
  }
}
