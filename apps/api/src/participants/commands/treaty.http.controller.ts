import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, TreatyCommand } from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { ParticipantIdPipe } from '../../http/participant-id.pipe';
import { Problem } from '../../problems/problem';
import {
  DecideDeadlineExtensionRequest,
  RecordTreatyActionRequest,
  RequestDeadlineExtensionRequest,
} from './treaty.request.dto';

const failures =
  'NOT_FOUND, INELIGIBLE_PARTICIPANT (an organisation), INVALID_TRANSITION, DEADLINE_PASSED, EXTENSION_TOO_LONG, ' +
  'DATE_IN_FUTURE, DATE_OUT_OF_ORDER (decidedOn before the request)';

@ApiTags('participants')
@Controller('participants/:id')
export class TreatyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('treaty-actions')
  @CommandRoute({
    record: 'Participant',
    summary: "Record a State's signature, ratification or accession, or withdrawal, with its public source",
    roles: ['admin'],
    failures,
  })
  recordAction(
    @Param('id', ParticipantIdPipe) id: string,
    @Body() request: RecordTreatyActionRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    const command = { type: 'RecordTreatyAction' as const, data: { id, ...request } };
    return this.commandBus.execute(new TreatyCommand(id, command, context));
  }

  @Post('deadline-extensions')
  @CommandRoute({
    record: 'Participant',
    summary: 'Record a request to extend an Art. 3 or Art. 4 deadline (the State itself, or staff)',
    roles: ['admin', 'coordinator', 'affected_state'],
    failures,
  })
  requestExtension(
    @Param('id', ParticipantIdPipe) id: string,
    @Body() request: RequestDeadlineExtensionRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    if (context.actor.role === 'affected_state' && context.actor.participantId !== id) {
      throw Problem.forbidden(`affected_state ${context.actor.participantId} may request extensions only for itself`);
    }
    const command = { type: 'RequestDeadlineExtension' as const, data: { id, ...request } };
    return this.commandBus.execute(new TreatyCommand(id, command, context));
  }

  @Post('deadline-extensions/decisions')
  @CommandRoute({
    record: 'Participant',
    summary: 'Record the decision of a Meeting of States Parties on the pending extension request',
    roles: ['admin', 'coordinator'],
    failures,
  })
  decideExtension(
    @Param('id', ParticipantIdPipe) id: string,
    @Body() request: DecideDeadlineExtensionRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    const command = { type: 'DecideDeadlineExtension' as const, data: { id, ...request } };
    return this.commandBus.execute(new TreatyCommand(id, command, context));
  }
}
