import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { allocationStatuses } from '@cm/domain';
import { AllocationView } from '@cm/read-models';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink } from '../../queries/consistency-gate';
import {
  assistanceTypeParam,
  listQueryOf,
  participantIdParam,
  pillarParam,
  recordIdParam,
} from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { definedOf, ReadModelQueries } from '../../queries/read-model-queries';
import { optionalQuantityAnswer, quantityAnswer } from '../../queries/record-shapes';

const filters = {
  donorId: participantIdParam.optional(),
  recipientId: participantIdParam.optional(),
  pledgeId: recordIdParam.optional(),
  needId: recordIdParam.optional(),
  pillar: pillarParam.optional(),
  assistanceType: assistanceTypeParam.optional(),
  status: z.enum(allocationStatuses).optional(),
};

/** The allocation with its deliveries in recording order (delivery ids are UUIDv7). */
export const allocationRecord = ({ _id, deliveries, ...allocation }: AllocationView) => ({
  ...allocation,
  amount: quantityAnswer(allocation.amount),
  needAmount: quantityAnswer(allocation.needAmount),
  confirmed: quantityAnswer(allocation.confirmed),
  confirmedNeedAmount: quantityAnswer(allocation.confirmedNeedAmount),
  deliveries: Object.values(deliveries)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((delivery) => ({
      ...delivery,
      amount: quantityAnswer(delivery.amount),
      needAmount: optionalQuantityAnswer(delivery.needAmount),
    })),
});

@ApiTags('allocations')
@Controller('allocations')
export class AllocationsQueryController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ConsistencyGate,
  ) {}

  @Get()
  @QueryRoute('List allocations (filters: donorId, recipientId, pledgeId, needId, pillar, assistanceType, status)')
  async list(
    @Query() query: unknown,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const { filter, paging } = listQueryOf(filters, query);
    await this.consistency.pass(token, response, ['allocation']);
    return this.queries.page('allocations', definedOf(filter), paging, allocationRecord);
  }

  @Get(':id')
  @QueryRoute('One allocation with its deliveries')
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Headers(CONSISTENT_WITH_HEADER) token: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    await this.consistency.pass(token, response, ['allocation']);
    return this.queries.byId('allocations', id, allocationRecord);
  }
}
