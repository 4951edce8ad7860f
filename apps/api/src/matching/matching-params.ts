import { z, ZodRawShape } from 'zod';
import { DEFAULT_CANDIDATE_LIMIT, PortfolioFilters } from '@cm/matching';
import { FieldProblem, Problem } from '../problems/problem';
import { assistanceTypeParam, participantIdParam, pillarParam, recordIdParam } from '../queries/query-params';

export const MAX_CANDIDATE_LIMIT = 100;

const candidateQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_CANDIDATE_LIMIT).default(DEFAULT_CANDIDATE_LIMIT),
  coalition: recordIdParam.optional(),
};

const portfolioQuery = {
  pillar: pillarParam.optional(),
  recipientId: participantIdParam.optional(),
  assistanceType: assistanceTypeParam.optional(),
  coalition: recordIdParam.optional(),
};

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((field) => ({ field, message: 'is not a parameter of this query' }))
      : [{ field: issue.path.join('.') || 'query', message: issue.message }],
  );
}

/** Parses a query string strictly: unknown or malformed parameters answer 400 problem+json naming each field. */
function parsed<Shape extends ZodRawShape>(shape: Shape, query: unknown): z.infer<z.ZodObject<Shape>> {
  const result = z
    .object(shape)
    .strict()
    .safeParse(query ?? {});
  if (!result.success) throw Problem.validation(problemsOf(result.error));
  return result.data;
}

/** `limit`: how many candidates, best first (default 20, at most 100). */
export const candidateLimitOf = (query: unknown): number => parsed(candidateQuery, query).limit;

/**
 * `coalition`: restricts candidates or the plan to a coalition's State's needs and its partners' pledges. Read after
 * candidateLimitOf or portfolioFiltersOf, which validate it.
 */
export const coalitionParamOf = (query: unknown): string | undefined =>
  (query as { coalition?: string } | undefined)?.coalition;

/** `pillar`, `recipientId`, `assistanceType`: the portfolio to plan; none given plans everything open. */
export function portfolioFiltersOf(query: unknown): PortfolioFilters {
  const { pillar, recipientId, assistanceType } = parsed(portfolioQuery, query);
  return {
    ...(pillar && { pillar }),
    ...(recipientId && { recipientId }),
    ...(assistanceType && { assistanceType }),
  };
}
