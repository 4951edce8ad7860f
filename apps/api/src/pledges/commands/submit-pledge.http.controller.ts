import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, SubmitPledgeCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { SubmitPledgeRequest } from './submit-pledge.request.dto';

@ApiTags('pledges')
@Controller('pledges')
export class SubmitPledgeHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandRoute({
    record: 'Pledge',
    summary: 'Submit a pledge (a donor for itself, or a coordinator on its behalf)',
    roles: ['donor', 'coordinator'],
    creates: true,
  })
  submit(@Body() request: SubmitPledgeRequest, @CommandContextOf() context: CommandContext): Promise<CommandAnswer> {
    return this.commandBus.execute(new SubmitPledgeCommand(request, context));
  }
}
