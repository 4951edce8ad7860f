import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AssistanceType, assistanceTypes, needStatuses, Pillar, pillars, Priority, priorities } from '@cm/domain';
import { NeedView } from '@cm/read-models';
import { ReadModelQueries } from '@cm/application';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ConsistentRead } from '../../queries/consistent-read';
import { CategoryParam, listQueryOf, OneOf, Optional, PageQuery, ParticipantIdParam } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { quantityAnswer } from '../../queries/record-shapes';

export class NeedsQuery extends PageQuery {
  @Optional(ParticipantIdParam(), { example: 'LAO' })
  requesterId?: string;

  @OneOf(pillars)
  pillar?: Pillar;

  @OneOf(assistanceTypes)
  assistanceType?: AssistanceType;

  @Optional(CategoryParam(), { example: 'metal_detectors' })
  category?: string;

  @OneOf(needStatuses)
  status?: string;

  @OneOf(priorities)
  priority?: Priority;
}

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
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @QueryRoute('List needs (filters: requesterId, pillar, assistanceType, category, status, priority), by pages')
  @ConsistentRead('need')
  async list(@Query() query: NeedsQuery) {
    const { filter, paging } = listQueryOf(query);
    return this.queries.page('needs', filter, paging, needRecord);
  }

  @Get(':id')
  @QueryRoute('One need with allocated, delivered and remaining in its unit')
  @ConsistentRead('need')
  async get(@Param('id', RecordIdPipe) id: string) {
    return this.queries.byId('needs', id, needRecord);
  }
}
