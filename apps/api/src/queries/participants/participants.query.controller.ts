import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { participantKinds, treatyStatuses } from '@cm/domain';
import { ParticipantView } from '@cm/read-models';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink } from '../consistency-gate';
import { listQueryOf, participantIdParam } from '../query-params';
import { Problem } from '../../problems/problem';
import { QueryRoute } from '../query-route';
import { definedOf, ReadModelQueries } from '../read-model-queries';

const filters = { kind: z.enum(participantKinds).optional(), treatyStatus: z.enum(treatyStatuses).optional() };

export const participantRecord = ({ _id, ...participant }: ParticipantView) => participant;

@ApiTags('participants')
@Controller('participants')
export class ParticipantsQueryController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ConsistencyGate,
  ) {}

  @Get()
  @QueryRoute('List participants (filters: kind, treatyStatus), in id order, by pages')
  async list(
    @Query() query: unknown,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const { filter, paging } = listQueryOf(filters, query);
    await this.consistency.pass(token, response, ['participant']);
    return this.queries.page('participants', definedOf(filter), paging, participantRecord);
  }

  @Get(':id')
  @QueryRoute('One participant')
  async get(
    @Param('id') id: string,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    if (!participantIdParam.safeParse(id).success) {
      throw Problem.validation([{ field: 'id', message: 'must be a participant id (LAO, EU)' }]);
    }
    await this.consistency.pass(token, response, ['participant']);
    return this.queries.byId('participants', id, participantRecord);
  }
}
