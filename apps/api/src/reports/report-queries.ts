import { Matches } from 'class-validator';
import { Role } from '@cm/domain';
import { supportDimensions, SupportDimension } from '@cm/reporting';
import { IsCalendarDate, OneOf, Optional, ParticipantIdParam, Required, WholeNumber } from '../queries/query-params';

/** Staff read every report. */
export const analysts: Role[] = ['analyst', 'coordinator', 'admin'];

export const amountsNote =
  'Amounts are exact decimal text: per original unit (byUnit) and in USD, each amount converted at the published ' +
  'rate of its own effective date (pledgedOn, committedOn, deliveredOn): the annual average of that year (Fed H.10, ' +
  'else ECB), or with basis=daily the rate of that day.';

export type RateBasis = 'annual' | 'daily';

/** `basis`: the rate every USD figure of the report uses. */
export class BasisQuery {
  @OneOf(
    ['annual', 'daily'],
    'annual (default): annual average of the effective year; daily: the rate of the effective day',
  )
  basis: RateBasis = 'annual';
}

const dimension = `(${supportDimensions.join('|')})`;

export class SupportQuery extends BasisQuery {
  @Optional(
    Matches(new RegExp(`^(${dimension}(,${dimension})*)?$`), {
      message: `must be a comma list of ${supportDimensions.join(', ')}`,
    }),
    {
      description: 'Comma list of donor, recipient, pillar, year, assistanceType',
    },
  )
  groupBy?: string;

  @Optional(IsCalendarDate(), { description: 'Effective date on or after (ISO date)' })
  from?: string;

  @Optional(IsCalendarDate(), { description: 'Effective date on or before (ISO date)' })
  to?: string;
}

/** The dimensions of `groupBy`, each once, in the order given. */
export const dimensionsOf = (groupBy = ''): SupportDimension[] => [
  ...new Set(groupBy.split(',').filter((part): part is SupportDimension => part.length > 0)),
];

export class Article7Query extends BasisQuery {
  @Required(WholeNumber(2000, 2100), { description: 'Calendar year of the effective dates', example: 2025 })
  year!: number;

  @OneOf(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export class RevaluationQuery extends BasisQuery {
  @Optional(ParticipantIdParam(), { description: 'One donor (a donor may ask only for itself)', example: 'NOR' })
  donorId?: string;
}

export class AtRiskQuery {
  @Optional(WholeNumber(0, 240), { description: 'Deadlines up to this many months ahead (24)' })
  horizonMonths: number = 24;

  @Optional(IsCalendarDate(), { description: 'ISO date the horizon starts from (today)' })
  asOf?: string;
}

export class ReconciliationQuery extends BasisQuery {
  @Optional(ParticipantIdParam(), { description: 'One donor (a donor sees only its own rows)', example: 'NOR' })
  donorId?: string;

  @Optional(ParticipantIdParam(), { description: 'One recipient (a State sees only its own rows)', example: 'LAO' })
  recipientId?: string;

  @Optional(WholeNumber(2000, 2100), { description: 'Calendar year of the delivery dates' })
  year?: number;

  @Optional(IsCalendarDate(), { description: 'Delivery date on or after (ISO date)' })
  from?: string;

  @Optional(IsCalendarDate(), { description: 'Delivery date on or before (ISO date)' })
  to?: string;

  @Optional(IsCalendarDate(), { description: 'ISO date the ages are counted to (today)' })
  asOf?: string;
}
