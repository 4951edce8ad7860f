import { z } from 'zod';
import { supportDimensions, SupportDimension } from '@cm/reporting';
import { FieldProblem, Problem } from '../problems/problem';
import { participantIdParam } from '../queries/query-params';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** zod runs a refinement even after the regex failed, so the calendar check must not assume the shape. */
const isCalendarDate = (date: string): boolean => {
  const instant = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === date;
};

const isoDate = z
  .string()
  .regex(isoDatePattern, 'must be an ISO date such as 2024-12-31')
  .refine((date) => !isoDatePattern.test(date) || isCalendarDate(date), 'is not a calendar date');

export const supportQuery = z
  .object({
    groupBy: z
      .string()
      .default('')
      .transform((text) => text.split(',').filter((part) => part.length > 0))
      .pipe(z.array(z.enum(supportDimensions)))
      .transform((dimensions) => [...new Set(dimensions)] as SupportDimension[]),
    from: isoDate.optional(),
    to: isoDate.optional(),
    basis: z.enum(['annual', 'daily']).default('annual'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const article7Query = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    format: z.enum(['json', 'csv']).default('json'),
    basis: z.enum(['annual', 'daily']).default('annual'),
  })
  .strict();

export const revaluationQuery = z
  .object({
    donorId: participantIdParam.optional(),
    basis: z.enum(['annual', 'daily']).default('annual'),
  })
  .strict();

export const atRiskQuery = z
  .object({
    horizonMonths: z.coerce.number().int().min(0).max(240).default(24),
    asOf: isoDate.optional(),
  })
  .strict();

export const reconciliationQuery = z
  .object({
    donorId: participantIdParam.optional(),
    recipientId: participantIdParam.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    asOf: isoDate.optional(),
    basis: z.enum(['annual', 'daily']).default('annual'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const noQuery = z.object({}).strict();

/** Parses a report's query string; unknown or malformed parameters answer 400 problem+json naming each field. */
export function reportQueryOf<S extends z.ZodTypeAny>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((field) => ({ field, message: 'is not a parameter of this report' }))
      : [{ field: String(issue.path[0] ?? 'query'), message: issue.message }],
  );
  throw Problem.validation(problems);
}
