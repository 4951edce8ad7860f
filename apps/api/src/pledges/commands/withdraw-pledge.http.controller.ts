import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, WithdrawPledgeCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { ReasonRequest } from '../../http/reason-request.dto';
import { RecordIdPipe } from '../../http/record-id.pipe';

@ApiTags('pledges')
@Controller('pledges')
export class WithdrawPledgeHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/withdraw')
  @CommandRoute({
    record: 'Pledge',
    summary: 'Withdraw a pledge; its unallocated part is released',
    roles: ['donor', 'coordinator'],
    failures: 'PLEDGE_NOT_OPEN',
  })
  withdraw(
    @Param('id', RecordIdPipe) pledgeId: string,
    @Body() request: ReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new WithdrawPledgeCommand(pledgeId, request.reason, context));
  }
}
