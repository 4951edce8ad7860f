import { MaxLength, MinLength, Matches } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { IntersectionType } from '@nestjs/swagger';
import { AuditFilter, auditedStreamTypes, decodeCursor } from '@cm/read-models';
import { Actor, maxActorLength, Role } from '@cm/domain';
import { Problem } from '../problems/problem';
import {
  assertPeriod,
  calendarDatePattern,
  OneOf,
  Optional,
  PageQuery,
  ParticipantIdParam,
} from '../queries/query-params';
import { instantOf, IsInstant } from './audit-queries';

/** Staff read every event; a donor or affected State only those of streams it is party to. */
const readersOfEveryEvent: readonly Role[] = ['admin', 'coordinator', 'analyst'];

/** `from` as an instant: a bare date is the start of that UTC day (`to` uses instantOf: its end). */
const fromInstantOf = (from: string): string =>
  calendarDatePattern.test(from)
    ? `${instantOf(from, 'from').toISOString().slice(0, 10)}T00:00:00.000Z`
    : instantOf(from, 'from').toISOString();

/** The filters of the audit search and export. */
export class AuditFilterQuery {
  @Optional(Matches(/^[A-Z][A-Za-z0-9]{1,63}$/, { message: 'must be an event type such as NeedPosted' }), {
    description: 'Event type, e.g. AllocationAccepted',
  })
  type?: string;

  @Optional(applyDecorators(MinLength(1), MaxLength(maxActorLength)), {
    description: "The acting user's subject, or the participant it acted for",
  })
  actor?: string;

  @Optional(ParticipantIdParam(), {
    description: 'A participant the event’s stream concerns (requester, donor, recipient)',
  })
  participant?: string;

  @OneOf(auditedStreamTypes)
  streamType?: string;

  @Optional(IsInstant(), { description: 'Recorded at or after (ISO time; a bare date is the start of that UTC day)' })
  from?: string;

  @Optional(IsInstant(), { description: 'Recorded at or before (ISO time; a bare date is the end of that UTC day)' })
  to?: string;
}

export class AuditPageQuery extends IntersectionType(AuditFilterQuery, PageQuery) {}

export type ExportFormat = 'ndjson' | 'csv';

export class AuditExportQuery extends AuditFilterQuery {
  @OneOf(['ndjson', 'csv'])
  format: ExportFormat = 'ndjson';
}

function filterOf(actor: Actor, query: AuditFilterQuery): AuditFilter {
  const from = query.from === undefined ? undefined : fromInstantOf(query.from);
  const to = query.to === undefined ? undefined : instantOf(query.to, 'to').toISOString();
  assertPeriod(from, to);
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

export function auditPageQueryOf(actor: Actor, query: AuditPageQuery) {
  const { limit, cursor, ...rest } = query;
  return { filter: filterOf(actor, rest), limit, after: cursor === undefined ? undefined : decodeCursor(cursor) };
}

export function auditExportQueryOf(actor: Actor, query: AuditExportQuery) {
  const { format, ...rest } = query;
  return { filter: filterOf(actor, rest), format };
}
