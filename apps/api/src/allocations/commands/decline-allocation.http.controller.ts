import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, DeclineAllocationCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { OptionalReasonRequest } from '../../http/reason-request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class DeclineAllocationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/decline')
  @CommandRoute({
    record: 'Allocation',
    summary: 'Decline a proposed allocation; its reservations are released',
    roles: ['affected_state', 'coordinator'],
    failures: 'INVALID_TRANSITION',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    @Body() request: OptionalReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new DeclineAllocationCommand(allocationId, request, context));
  }
}
