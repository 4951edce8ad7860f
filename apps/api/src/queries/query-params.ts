import { z, ZodRawShape } from 'zod';
import { assistanceTypes, pillars, priorities } from '@cm/domain';
import { decodeCursor, defaultLimit, maxLimit } from '@cm/read-models';
import { participantIdPattern, recordIdPattern } from '../http/request-fields';
import { FieldProblem, Problem } from '../problems/problem';

export const participantIdParam = z.string().regex(participantIdPattern, 'must be a participant id (LAO, EU)');
export const recordIdParam = z.string().regex(recordIdPattern, 'must be a record id');
export const pillarParam = z.enum(pillars);
export const assistanceTypeParam = z.enum(assistanceTypes);
export const priorityParam = z.enum(priorities);

const paging = {
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  cursor: z
    .string()
    .refine((cursor) => decodeCursor(cursor) !== undefined, 'must be the next cursor of a previous page')
    .optional(),
};

export interface Paging {
  limit: number;
  after?: string;
}

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((field) => ({ field, message: 'is not a filter of this list' }))
      : [{ field: issue.path.join('.') || 'query', message: issue.message }],
  );
}

/**
 * Parses a list's query string: its filters, `limit` (default 50, at most 500) and `cursor`. Unknown or malformed
 * parameters answer 400 problem+json naming each field.
 */
export function listQueryOf<Shape extends ZodRawShape>(
  filters: Shape,
  query: unknown,
): { filter: Partial<z.infer<z.ZodObject<Shape>>>; paging: Paging } {
  const parsed = z
    .object({ ...filters, ...paging })
    .strict()
    .safeParse(query ?? {});
  if (!parsed.success) throw Problem.validation(problemsOf(parsed.error));
  const { limit, cursor, ...filter } = parsed.data as { limit: number; cursor?: string } & Record<string, unknown>;
  return {
    filter: filter as Partial<z.infer<z.ZodObject<Shape>>>,
    paging: { limit, ...(cursor !== undefined && { after: decodeCursor(cursor) }) },
  };
}
