import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, PostNeedCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { PostNeedRequest } from './post-need.request.dto';

@ApiTags('needs')
@Controller('needs')
export class PostNeedHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandRoute({
    record: 'Need',
    summary: 'Post a need (an affected State for itself, or a coordinator on its behalf)',
    roles: ['affected_state', 'coordinator'],
    creates: true,
  })
  post(@Body() request: PostNeedRequest, @CommandContextOf() context: CommandContext): Promise<CommandAnswer> {
    return this.commandBus.execute(new PostNeedCommand(request, context));
  }
}
