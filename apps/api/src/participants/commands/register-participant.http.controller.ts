import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, RegisterParticipantCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RegisterParticipantRequest } from './register-participant.request.dto';

@ApiTags('participants')
@Controller('participants')
export class RegisterParticipantHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandRoute({
    record: 'Participant',
    summary: 'Register a State or an organisation',
    roles: ['admin'],
    creates: true,
  })
  register(
    @Body() request: RegisterParticipantRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new RegisterParticipantCommand(request, context));
  }
}
