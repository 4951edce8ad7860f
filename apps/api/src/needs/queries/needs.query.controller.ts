import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { needStatuses } from '@cm/domain';
import { NeedView } from '@cm/read-models';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { categoryPattern } from '../../http/request-fields';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink } from '../../queries/consistency-gate';
import {
  assistanceTypeParam,
  listQueryOf,
  participantIdParam,
  pillarParam,
  priorityParam,
} from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { definedOf, ReadModelQueries } from '../../queries/read-model-queries';
import { quantityAnswer } from '../../queries/record-shapes';

const filters = {
  requesterId: participantIdParam.optional(),
  pillar: pillarParam.optional(),
  assistanceType: assistanceTypeParam.optional(),
  category: z.string().regex(categoryPattern).optional(),
  status: z.enum(needStatuses).optional(),
  priority: priorityParam.optional(),
};

/** The need as the api shows it: its terms, status and totals; the domain's bookkeeping stays inside. */
export const needRecord = ({ _id, reservations: _reservations, deliveryIds: _deliveryIds, ...need }: NeedView) => ({
  ...need,
  quantity: quantityAnswer(need.quantity),
  allocated: quantityAnswer(need.allocated),
  delivered: quantityAnswer(need.delivered),
  remaining: quantityAnswer(need.remaining),
});

@ApiTags('needs')
@Controller('needs')
export class NeedsQueryController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ConsistencyGate,
  ) {}

  @Get()
  @QueryRoute('List needs (filters: requesterId, pillar, assistanceType, category, status, priority), by pages')
  async list(
    @Query() query: unknown,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const { filter, paging } = listQueryOf(filters, query);
    await this.consistency.pass(token, response, ['need']);
    return this.queries.page('needs', definedOf(filter), paging, needRecord);
  }

  @Get(':id')
  @QueryRoute('One need with allocated, delivered and remaining in its unit')
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    await this.consistency.pass(token, response, ['need']);
    return this.queries.byId('needs', id, needRecord);
  }
}
