import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AcceptAllocationCommand, CommandContext } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { OptionalReasonRequest } from '../../http/reason-request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class AcceptAllocationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/accept')
  @CommandRoute({
    record: 'Allocation',
    summary: "Accept a proposed allocation (the need's requester)",
    roles: ['affected_state', 'coordinator'],
    failures: 'INVALID_TRANSITION',
  })
  handle(
    @Param('id', RecordIdPipe) allocationId: string,
    // Validated, as for decline, but not passed on: an acceptance needs no reason and AllocationAccepted records none.
    @Body() _request: OptionalReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new AcceptAllocationCommand(allocationId, context));
  }
}
