import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { Db, Filter } from 'mongodb';
import { Actor, coalitionStatuses } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { coalitionPipelineOf, CoalitionView, pipelineSourcesOf } from '@cm/read-models';
import { z } from 'zod';
import { CurrentActor } from '../../auth/auth.decorators';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink } from '../../queries/consistency-gate';
import { listQueryOf, participantIdParam } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { definedOf, ReadModelQueries } from '../../queries/read-model-queries';
import { CoalitionAccess } from '../coalition-access';
import { coalitionExample, coalitionRecord, pipelineAnswer, pipelineExample } from './coalition-answers';
import { CoalitionIdParam } from '../coalition-params';

const filters = {
  affectedStateId: participantIdParam.optional(),
  memberId: participantIdParam.optional(),
  status: z.enum(coalitionStatuses).optional(),
};

/** The pipeline is built from the coalition and from the state's needs, their allocations and the members' pledges. */
const pipelineReads = ['coalition', 'need', 'pledge', 'allocation'] as const;

const notMember = { status: 403, description: 'FORBIDDEN: the caller is neither staff nor a current member' };

@ApiTags('coalitions')
@Controller('coalitions')
export class CoalitionsQueryController {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    private readonly queries: ReadModelQueries,
    private readonly access: CoalitionAccess,
    private readonly consistency: ConsistencyGate,
  ) {}

  @Get()
  @QueryRoute('List coalitions (filters: affectedStateId, memberId, status); a participant sees those it belongs to')
  @ApiQuery({ name: 'affectedStateId', required: false, example: 'LAO' })
  @ApiQuery({ name: 'memberId', required: false, example: 'NOR', description: 'A current member' })
  @ApiQuery({ name: 'status', required: false, enum: coalitionStatuses })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `next` of the previous page' })
  @ApiOkResponse({ schema: { example: { items: [coalitionExample], next: null } } })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: a participant role without a participant' })
  async list(
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const { filter, paging } = listQueryOf(filters, query);
    const { memberId, ...rest } = filter;
    const visible = this.access.listFilterFor(actor);
    // A participant asking for another member's coalitions still sees only its own among them.
    const members = [...new Set([memberId, visible.memberIds].filter((id): id is string => id !== undefined))];
    const membership = members.length === 0 ? {} : { memberIds: members.length === 1 ? members[0] : { $all: members } };
    await this.consistency.pass(token, response, ['coalition']);
    const visibleFilter = { ...definedOf(rest), ...membership } as Filter<CoalitionView>;
    return this.queries.page('coalitions', visibleFilter, paging, coalitionRecord);
  }

  @Get(':id')
  @CoalitionIdParam()
  @QueryRoute('One coalition: its members with their roles, and every join, leave and lead change with dates')
  @ApiOkResponse({ schema: { example: coalitionExample } })
  @ApiResponse(notMember)
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    await this.consistency.pass(token, response, ['coalition']);
    return coalitionRecord(await this.access.readable(actor, id));
  }

  @Get(':id/pipeline')
  @CoalitionIdParam()
  @QueryRoute(
    "The coalition's pipeline: the State's needs with every member's pledges, allocations and deliveries, " +
      'coverage by pillar and what is still unmet',
  )
  @ApiOkResponse({
    description:
      "Other donors' allocations count in each need's totals (public on the need) but are not listed; delivery " +
      'notes, references and pledge conditions are left out. USD figures at the rate of the day each need was posted.',
    schema: { example: pipelineExample },
  })
  @ApiResponse(notMember)
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  async pipeline(
    @Param('id', RecordIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    await this.consistency.pass(token, response, pipelineReads);
    const coalition: CoalitionView = await this.access.readable(actor, id);
    return pipelineAnswer(coalitionPipelineOf(coalition, await pipelineSourcesOf(this.db, coalition)));
  }
}
