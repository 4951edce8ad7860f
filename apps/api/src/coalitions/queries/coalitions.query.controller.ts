import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Db, Filter } from 'mongodb';
import { Actor, coalitionStatuses } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { coalitionPipelineOf, CoalitionView, pipelineSourcesOf } from '@cm/read-models';
import { CoalitionAccess, ReadModelQueries } from '@cm/application';
import { CurrentActor } from '../../auth/auth.decorators';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ConsistentRead } from '../../queries/consistent-read';
import { listQueryOf, OneOf, Optional, PageQuery, ParticipantIdParam } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { coalitionExample, coalitionRecord, pipelineAnswer, pipelineExample } from './coalition-answers';
import { CoalitionIdParam } from '../coalition-params';

export class CoalitionsQuery extends PageQuery {
  @Optional(ParticipantIdParam(), { example: 'LAO' })
  affectedStateId?: string;

  @Optional(ParticipantIdParam(), { example: 'NOR', description: 'A current member' })
  memberId?: string;

  @OneOf(coalitionStatuses)
  status?: string;
}

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
  ) {}

  @Get()
  @QueryRoute('List coalitions (filters: affectedStateId, memberId, status); a participant sees those it belongs to')
  @ConsistentRead('coalition')
  @ApiOkResponse({ schema: { example: { items: [coalitionExample], next: null } } })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: a participant role without a participant' })
  async list(@Query() query: CoalitionsQuery, @CurrentActor() actor: Actor) {
    const { filter, paging } = listQueryOf(query);
    const { memberId, ...rest } = filter;
    const visible = this.access.listFilterFor(actor);
    // A participant asking for another member's coalitions still sees only its own among them.
    const members = [...new Set([memberId, visible.memberIds].filter((id): id is string => id !== undefined))];
    const membership = members.length === 0 ? {} : { memberIds: members.length === 1 ? members[0] : { $all: members } };
    const visibleFilter = { ...rest, ...membership } as Filter<CoalitionView>;
    return this.queries.page('coalitions', visibleFilter, paging, coalitionRecord);
  }

  @Get(':id')
  @CoalitionIdParam()
  @QueryRoute('One coalition: its members with their roles, and every join, leave and lead change with dates')
  @ConsistentRead('coalition')
  @ApiOkResponse({ schema: { example: coalitionExample } })
  @ApiResponse(notMember)
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  async get(@Param('id', RecordIdPipe) id: string, @CurrentActor() actor: Actor) {
    return coalitionRecord(await this.access.readable(actor, id));
  }

  @Get(':id/pipeline')
  @CoalitionIdParam()
  @QueryRoute(
    "The coalition's pipeline: the State's needs with every member's pledges, allocations and deliveries, " +
      'coverage by pillar and what is still unmet',
  )
  @ConsistentRead(...pipelineReads)
  @ApiOkResponse({
    description:
      "Other donors' allocations count in each need's totals (public on the need) but are not listed; delivery " +
      'notes, references and pledge conditions are left out. USD figures at the rate of the day each need was posted.',
    schema: { example: pipelineExample },
  })
  @ApiResponse(notMember)
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such coalition' })
  async pipeline(@Param('id', RecordIdPipe) id: string, @CurrentActor() actor: Actor) {
    const coalition: CoalitionView = await this.access.readable(actor, id);
    return pipelineAnswer(coalitionPipelineOf(coalition, await pipelineSourcesOf(this.db, coalition)));
  }
}
