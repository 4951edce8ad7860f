import { AssistanceType, assistanceTypes, Pillar, pillars } from '@cm/domain';
import { DEFAULT_CANDIDATE_LIMIT, PortfolioFilters } from '@cm/matching';
import { OneOf, Optional, ParticipantIdParam, RecordIdParam, WholeNumber } from '../queries/query-params';

export const MAX_CANDIDATE_LIMIT = 100;

const coalitionDescription =
  "Only the coalition's State's needs and its lead and supporting partners' pledges (members and staff)";

/** `limit`: how many candidates, best first; `coalition`: only within a coalition's reach. */
export class CandidatesQuery {
  @Optional(WholeNumber(1, MAX_CANDIDATE_LIMIT), {
    description: `How many candidates, best first (1 to ${MAX_CANDIDATE_LIMIT}, default ${DEFAULT_CANDIDATE_LIMIT})`,
    example: DEFAULT_CANDIDATE_LIMIT,
  })
  limit: number = DEFAULT_CANDIDATE_LIMIT;

  @Optional(RecordIdParam(), { description: coalitionDescription })
  coalition?: string;
}

/** The portfolio to plan: `pillar`, `recipientId`, `assistanceType`; none given plans everything open. */
export class PortfolioQuery {
  @OneOf(pillars)
  pillar?: Pillar;

  @Optional(ParticipantIdParam(), { example: 'LAO' })
  recipientId?: string;

  @OneOf(assistanceTypes)
  assistanceType?: AssistanceType;

  @Optional(RecordIdParam(), { description: coalitionDescription })
  coalition?: string;
}

export function portfolioFiltersOf({ pillar, recipientId, assistanceType }: PortfolioQuery): PortfolioFilters {
  return {
    ...(pillar && { pillar }),
    ...(recipientId && { recipientId }),
    ...(assistanceType && { assistanceType }),
  };
}
