import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { CommandContext, RevisePledgeCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { IfMatchHeader, versionOfIfMatch } from '../../http/if-match';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { RevisePledgeRequest } from './revise-pledge.request.dto';

@ApiTags('pledges')
@Controller('pledges')
export class RevisePledgeHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @CommandRoute({
    record: 'Pledge',
    summary: 'Revise quantity, validUntil or conditions of a pledge',
    roles: ['donor', 'coordinator'],
    failures: 'BELOW_ALLOCATED, PLEDGE_NOT_OPEN',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version last read; 412 if it changed since' })
  revise(
    @Param('id', RecordIdPipe) pledgeId: string,
    @Body() request: RevisePledgeRequest,
    @IfMatchHeader() ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new RevisePledgeCommand(pledgeId, request, context, versionOfIfMatch(ifMatch)));
  }
}
