import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ChangeLeadPartnerCommand,
  CommandContext,
  DissolveCoalitionCommand,
  FormCoalitionCommand,
  JoinCoalitionCommand,
  LeaveCoalitionCommand,
} from '@cm/application';
import { CommandAnswer } from '../../http/command-answer';
import { CommandContextOf } from '../../http/command-context';
import { CommandRoute } from '../../http/command-route';
import { ParticipantIdPipe } from '../../http/participant-id.pipe';
import { OptionalReasonRequest, ReasonRequest } from '../../http/reason-request.dto';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { participantIdPattern } from '../../http/request-fields';
import { CoalitionIdParam } from '../coalition-params';
import { ChangeLeadPartnerRequest, FormCoalitionRequest, JoinCoalitionRequest } from './coalition.requests';

const membershipFailures =
  'NOT_FOUND (no such coalition, 404), COALITION_DISSOLVED, UNKNOWN_PARTICIPANT, INELIGIBLE_PARTICIPANT, ' +
  'NOT_MEMBER, INVALID_TRANSITION; ALREADY_MEMBER answers 409';

/**
 * Country coalitions (2017): one affected State, a lead partner and supporting partners on one national plan.
 * Coordinators, admins and the affected State form them; the State, the lead partner and coordinators manage members.
 */
@ApiTags('coalitions')
@Controller('coalitions')
export class CoalitionCommandsHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandRoute({
    record: 'Coalition',
    summary: 'Form a country coalition (an affected State for itself, or a coordinator on its behalf)',
    roles: ['affected_state', 'coordinator', 'admin'],
    creates: true,
    failures: 'UNKNOWN_PARTICIPANT, INELIGIBLE_PARTICIPANT (the State is not a state, or leads itself)',
  })
  form(@Body() request: FormCoalitionRequest, @CommandContextOf() context: CommandContext): Promise<CommandAnswer> {
    return this.commandBus.execute(new FormCoalitionCommand(request, context));
  }

  @Post(':id/members')
  @CoalitionIdParam()
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  @CommandRoute({
    record: 'Coalition',
    summary: 'A supporting partner joins (added by the State, the lead partner or a coordinator)',
    roles: ['affected_state', 'donor', 'coordinator', 'admin'],
    failures: membershipFailures,
  })
  join(
    @Param('id', RecordIdPipe) coalitionId: string,
    @Body() request: JoinCoalitionRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new JoinCoalitionCommand(coalitionId, request.participantId, context));
  }

  @Post(':id/members/:participantId/leave')
  @CoalitionIdParam()
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  @ApiParam({
    name: 'participantId',
    schema: { type: 'string', pattern: participantIdPattern.source },
    description: 'The leaving partner',
  })
  @CommandRoute({
    record: 'Coalition',
    summary: 'A supporting partner leaves (itself, or removed by the State, the lead partner or a coordinator)',
    roles: ['affected_state', 'donor', 'coordinator', 'admin'],
    failures: membershipFailures,
  })
  leave(
    @Param('id', RecordIdPipe) coalitionId: string,
    @Param('participantId', ParticipantIdPipe) participantId: string,
    @Body() request: OptionalReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new LeaveCoalitionCommand(coalitionId, participantId, request.reason, context));
  }

  @Post(':id/lead')
  @CoalitionIdParam()
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  @CommandRoute({
    record: 'Coalition',
    summary: 'Hand the lead to a supporting partner; the former lead stays on as a supporting partner',
    roles: ['affected_state', 'donor', 'coordinator', 'admin'],
    failures: membershipFailures,
  })
  changeLead(
    @Param('id', RecordIdPipe) coalitionId: string,
    @Body() request: ChangeLeadPartnerRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new ChangeLeadPartnerCommand(coalitionId, request.participantId, context));
  }

  @Post(':id/dissolve')
  @CoalitionIdParam()
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  @CommandRoute({
    record: 'Coalition',
    summary: 'Dissolve a coalition (its State or a coordinator); members and history are kept',
    roles: ['affected_state', 'coordinator', 'admin'],
    failures: 'NOT_FOUND (no such coalition, 404)',
  })
  dissolve(
    @Param('id', RecordIdPipe) coalitionId: string,
    @Body() request: ReasonRequest,
    @CommandContextOf() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.commandBus.execute(new DissolveCoalitionCommand(coalitionId, request.reason, context));
  }
}
