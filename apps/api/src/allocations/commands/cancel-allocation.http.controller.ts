import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CancelAllocationCommand, CommandContext } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ReasonRequest } from '../../http/reason-request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class CancelAllocationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/cancel')
  @CommandRoute({
    record: 'Allocation',
    summary: 'Cancel an allocation; what is undelivered is released',
    roles: ['donor', 'coordinator'],
    failures: 'INVALID_TRANSITION',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Body() request: ReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new CancelAllocationCommand(allocationId, request, context));
  }
}
