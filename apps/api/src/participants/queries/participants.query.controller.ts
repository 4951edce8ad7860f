import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { emptyTreaty, obligationsOf, participantKinds, treatyStatuses, type Participant } from '@cm/domain';
import { ParticipantView } from '@cm/read-models';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink } from '../../queries/consistency-gate';
import { listQueryOf, participantIdParam } from '../../queries/query-params';
import { Problem } from '../../problems/problem';
import { QueryRoute } from '../../queries/query-route';
import { definedOf, ReadModelQueries } from '../../queries/read-model-queries';

const obligationsQuery = z
  .object({
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date such as 2025-01-15')
      .optional(),
  })
  .strict();

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

  @Get(':id/obligations')
  @QueryRoute(
    'Entry into force and the Art. 3 and Art. 4 deadlines of a State, with extensions, as of a date (default today)',
  )
  async obligations(
    @Param('id') id: string,
    @Query() query: unknown,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    if (!participantIdParam.safeParse(id).success) {
      throw Problem.validation([{ field: 'id', message: 'must be a participant id (LAO, EU)' }]);
    }
    const parsed = obligationsQuery.safeParse(query ?? {});
    if (!parsed.success) {
      throw Problem.validation(
        parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'query'), message: issue.message })),
      );
    }
    const asOf = parsed.data.asOf ?? new Date().toISOString().slice(0, 10);
    await this.consistency.pass(token, response, ['participant']);
    const participant = (await this.queries.byId('participants', id, participantRecord)) as Participant;
    const treaty = participant.treaty ?? emptyTreaty;
    return { participantId: id, asOf, ...obligationsOf(treaty, asOf), treaty };
  }
}
