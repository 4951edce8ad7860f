import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, WithdrawNeedCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { ReasonRequest } from '../../http/reason-request.dto';
import { RecordIdPipe } from '../../http/record-id.pipe';

@ApiTags('needs')
@Controller('needs')
export class WithdrawNeedHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/withdraw')
  @CommandRoute({
    record: 'Need',
    summary: 'Withdraw a need; its open allocations are cancelled',
    roles: ['affected_state', 'coordinator'],
    failures: 'INVALID_TRANSITION (already fulfilled)',
  })
  withdraw(
    @Param('id', RecordIdPipe) needId: string,
    @Body() request: ReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new WithdrawNeedCommand(needId, request.reason, context));
  }
}
