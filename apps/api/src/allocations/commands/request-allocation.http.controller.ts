import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, RequestAllocationCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { RequestAllocationRequest } from './request-allocation.request.dto';

@ApiTags('allocations')
@Controller('allocations')
export class RequestAllocationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandRoute({
    record: 'Allocation',
    summary: 'Allocate part of a pledge to a need (reserves both, then proposes the allocation)',
    roles: ['coordinator', 'donor'],
    creates: true,
    failures: 'OVER_ALLOCATION, INCOMPATIBLE, PLEDGE_NOT_OPEN, NEED_NOT_OPEN, FX_RATE_UNAVAILABLE',
  })
  request(
    @Body() request: RequestAllocationRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new RequestAllocationCommand(request, context));
  }
}
