import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AssistanceType, assistanceTypes, Pillar, pillars, pledgeStatuses } from '@cm/domain';
import { PledgeView } from '@cm/read-models';
import { definedOf, ReadModelQueries } from '@cm/application';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ConsistentRead } from '../../queries/consistent-read';
import { CategoryParam, listQueryOf, OneOf, Optional, PageQuery, ParticipantIdParam } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';
import { quantityAnswer } from '../../queries/record-shapes';

export class PledgesQuery extends PageQuery {
  @Optional(ParticipantIdParam(), { example: 'NOR' })
  donorId?: string;

  @Optional(ParticipantIdParam(), { example: 'LAO', description: 'The recipient a targeted pledge names' })
  recipientId?: string;

  @OneOf(pillars, 'Pledges that accept this pillar, among others')
  pillar?: Pillar;

  @OneOf(assistanceTypes)
  assistanceType?: AssistanceType;

  @Optional(CategoryParam(), { example: 'metal_detectors' })
  category?: string;

  @OneOf(pledgeStatuses)
  status?: string;
}

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
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @QueryRoute('List pledges (filters: donorId, recipientId, pillar, assistanceType, category, status), by pages')
  @ConsistentRead('pledge')
  async list(@Query() query: PledgesQuery) {
    const { filter, paging } = listQueryOf(query);
    return this.queries.page('pledges', pledgeFilterOf(filter), paging, pledgeRecord);
  }

  @Get(':id')
  @QueryRoute('One pledge with allocated, delivered and remaining in its unit')
  @ConsistentRead('pledge')
  async get(@Param('id', RecordIdPipe) id: string) {
    return this.queries.byId('pledges', id, pledgeRecord);
  }
}
