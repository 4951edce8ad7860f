import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContext, CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { SubmitPledgeCommand } from '../../../../../libs/application/src/pledges/submit-pledge/submit-pledge.command';
import { SubmitPledgeRequest } from './submit-pledge.request.dto';

@ApiTags('pledges')
@Controller('pledges')
export class SubmitPledgeHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandRoute({
    summary: 'Submit a pledge (a donor for itself, or a coordinator on its behalf)',
    roles: ['donor', 'coordinator'],
    creates: true,
  })
  submit(@Body() request: SubmitPledgeRequest, @CommandContextOf() context: CommandContext): Promise<CommandAnswer> {
    return this.commandBus.execute(new SubmitPledgeCommand(request, context));
  }
}
