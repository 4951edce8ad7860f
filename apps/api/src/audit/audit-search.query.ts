import { z } from 'zod';
import { AuditFilter, auditedStreamTypes, decodeCursor, defaultLimit, maxLimit } from '@cm/read-models';
import { Actor, Role } from '@cm/domain';
import { FieldProblem, Problem } from '../problems/problem';
import { participantIdParam } from '../queries/query-params';
import { instantOf } from './audit-queries';

/** Staff read every event; a donor or affected State only those of streams it is party to. */
const readersOfEveryEvent: readonly Role[] = ['admin', 'coordinator', 'analyst'];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** `from` as an instant: a bare date is the start of that UTC day (`to` uses instantOf: its end). */
const fromInstantOf = (from: string): string =>
  isoDate.test(from)
    ? `${instantOf(from, 'from').toISOString().slice(0, 10)}T00:00:00.000Z`
    : instantOf(from, 'from').toISOString();

const filters = {
  type: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]{1,63}$/, 'must be an event type such as NeedPosted')
    .optional(),
  actor: z.string().min(1).max(200).optional(),
  participant: participantIdParam.optional(),
  streamType: z.enum(auditedStreamTypes as [string, ...string[]]).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
};

const pageQuery = z
  .object({
    ...filters,
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    cursor: z
      .string()
      .refine((cursor) => decodeCursor(cursor) !== undefined, 'must be the next cursor of a previous page')
      .optional(),
  })
  .strict();

const exportQuery = z.object({ ...filters, format: z.enum(['ndjson', 'csv']).default('ndjson') }).strict();

export type ExportFormat = 'ndjson' | 'csv';

function parsed<S extends z.ZodTypeAny>(schema: S, query: unknown): z.infer<S> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((field) => ({ field, message: 'is not a filter of the audit search' }))
      : [{ field: issue.path.join('.') || 'query', message: issue.message }],
  );
  throw Problem.validation(problems);
}

function filterOf(actor: Actor, query: z.infer<z.ZodObject<typeof filters>>): AuditFilter {
  const from = query.from === undefined ? undefined : fromInstantOf(query.from);
  const to = query.to === undefined ? undefined : instantOf(query.to, 'to').toISOString();
  if (from && to && from > to) throw Problem.validation([{ field: 'from', message: 'must not be after to' }]);
  const partyTo = readersOfEveryEvent.includes(actor.role) ? undefined : actor.participantId;
  if (!readersOfEveryEvent.includes(actor.role) && partyTo === undefined) {
    throw Problem.forbidden(`${actor.role} ${actor.sub} acts for no participant`);
  }
  return {
    ...(query.type !== undefined && { type: query.type }),
    ...(query.actor !== undefined && { actor: query.actor }),
    ...(query.participant !== undefined && { participant: query.participant }),
    ...(query.streamType !== undefined && { streamType: query.streamType as AuditFilter['streamType'] }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(partyTo !== undefined && { partyTo }),
  };
}

export function auditPageQueryOf(actor: Actor, query: unknown) {
  const { limit, cursor, ...rest } = parsed(pageQuery, query);
  return { filter: filterOf(actor, rest), limit, after: cursor === undefined ? undefined : decodeCursor(cursor) };
}

export function auditExportQueryOf(actor: Actor, query: unknown) {
  const { format, ...rest } = parsed(exportQuery, query);
  return { filter: filterOf(actor, rest), format: format as ExportFormat };
}
