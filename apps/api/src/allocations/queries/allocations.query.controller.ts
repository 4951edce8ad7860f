import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { allocationStatuses, AssistanceType, assistanceTypes, Pillar, pillars } from '@cm/domain';
import { AllocationView } from '@cm/read-models';
import { ReadModelQueries } from '@cm/application';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ConsistentRead } from '../../queries/consistent-read';
import { listQueryOf, OneOf, Optional, PageQuery, ParticipantIdParam, RecordIdParam } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { optionalQuantityAnswer, quantityAnswer } from '../../queries/record-shapes';

export class AllocationsQuery extends PageQuery {
  @Optional(ParticipantIdParam(), { example: 'NOR' })
  donorId?: string;

  @Optional(ParticipantIdParam(), { example: 'LAO' })
  recipientId?: string;

  @Optional(RecordIdParam())
  pledgeId?: string;

  @Optional(RecordIdParam())
  needId?: string;

  @OneOf(pillars)
  pillar?: Pillar;

  @OneOf(assistanceTypes)
  assistanceType?: AssistanceType;

  @OneOf(allocationStatuses)
  status?: string;
}

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
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @QueryRoute('List allocations (filters: donorId, recipientId, pledgeId, needId, pillar, assistanceType, status)')
  @ConsistentRead('allocation')
  async list(@Query() query: AllocationsQuery) {
    const { filter, paging } = listQueryOf(query);
    return this.queries.page('allocations', filter, paging, allocationRecord);
  }

  @Get(':id')
  @QueryRoute('One allocation with its deliveries')
  @ConsistentRead('allocation')
  async get(@Param('id', RecordIdPipe) id: string) {
    return this.queries.byId('allocations', id, allocationRecord);
  }
}
