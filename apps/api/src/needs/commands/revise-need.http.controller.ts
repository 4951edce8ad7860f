import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { CommandContext, ReviseNeedCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { IfMatchHeader, versionOfIfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ReviseNeedRequest } from './revise-need.request.dto';

@ApiTags('needs')
@Controller('needs')
export class ReviseNeedHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @CommandRoute({
    record: 'Need',
    summary: 'Revise quantity, priority, neededBy or description of a need',
    roles: ['affected_state', 'coordinator'],
    failures: 'BELOW_ALLOCATED, NEED_NOT_OPEN',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version last read; 412 if it changed since' })
  revise(
    @Param('id', RecordIdPipe) needId: string,
    @Body() request: ReviseNeedRequest,
    @IfMatchHeader() ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new ReviseNeedCommand(needId, request, context, versionOfIfMatch(ifMatch)));
  }
}
