import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { pledgeStatuses } from '@cm/domain';
import { PledgeView } from '@cm/read-models';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { categoryPattern } from '../../http/request-fields';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink } from '../../queries/consistency-gate';
import { assistanceTypeParam, listQueryOf, participantIdParam, pillarParam } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { definedOf, ReadModelQueries } from '../../queries/read-model-queries';
import { quantityAnswer } from '../../queries/record-shapes';

const filters = {
  donorId: participantIdParam.optional(),
  recipientId: participantIdParam.optional(),
  pillar: pillarParam.optional(),
  assistanceType: assistanceTypeParam.optional(),
  category: z.string().regex(categoryPattern).optional(),
  status: z.enum(pledgeStatuses).optional(),
};

/** `pillar` matches a pledge that accepts that pillar among others. */
const pledgeFilterOf = ({ pillar, ...rest }: Record<string, unknown>) => definedOf({ ...rest, pillars: pillar });

/** The pledge as the api shows it: its terms, status and totals; the domain's bookkeeping stays inside. */
export const pledgeRecord = ({
  _id,
  reservations: _reservations,
  deliveryIds: _deliveryIds,
  ...pledge
}: PledgeView) => ({
  ...pledge,
  quantity: quantityAnswer(pledge.quantity),
  allocated: quantityAnswer(pledge.allocated),
  delivered: quantityAnswer(pledge.delivered),
  remaining: quantityAnswer(pledge.remaining),
});

@ApiTags('pledges')
@Controller('pledges')
export class PledgesQueryController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ConsistencyGate,
  ) {}

  @Get()
  @QueryRoute('List pledges (filters: donorId, recipientId, pillar, assistanceType, category, status), by pages')
  async list(
    @Query() query: unknown,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const { filter, paging } = listQueryOf(filters, query);
    await this.consistency.pass(token, response, ['pledge']);
    return this.queries.page('pledges', pledgeFilterOf(filter), paging, pledgeRecord);
  }

  @Get(':id')
  @QueryRoute('One pledge with allocated, delivered and remaining in its unit')
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    await this.consistency.pass(token, response, ['pledge']);
    return this.queries.byId('pledges', id, pledgeRecord);
  }
}
