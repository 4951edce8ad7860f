import type { EventActor, EventEnvelope } from '@cm/event-store';

/**
 * One recorded event as the audit search serves it: the envelope, plus the fields searched on lifted to the top
 * (who acted, which participants the event's stream concerns, when). `_id` is the event id (UUIDv7: recording order).
 */
export interface AuditEntry {
  readonly _id: string;
  readonly eventId: string;
  readonly type: string;
  readonly streamType: string;
  readonly streamId: string;
  readonly version: number;
  readonly actor: EventActor;
  /** The participants the event's stream concerns (see partiesOfOpening): who may read it besides staff. */
  readonly participants: readonly string[];
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly envelope: EventEnvelope;
}

/** Who a stream concerns, remembered from its opening event for the events that follow it (keyed by stream id). */
export interface AuditStreamParties {
  readonly _id: string;
  readonly participants: readonly string[];
}

const openingFields: Readonly<Record<string, { type: string; fields: readonly string[] }>> = {
  participant: { type: 'ParticipantRegistered', fields: ['participantId'] },
  need: { type: 'NeedPosted', fields: ['requesterId'] },
  pledge: { type: 'PledgeSubmitted', fields: ['donorId'] },
  allocation: { type: 'AllocationRequested', fields: ['donorId', 'recipientId'] },
  coalition: { type: 'CoalitionFormed', fields: ['affectedStateId', 'leadPartnerId'] },
};

/**
 * The participants named by a stream's opening event: the registered participant, a need's requester, a pledge's
 * donor (not its targeted recipient), an allocation's donor and recipient. The api's per-stream audit routes use the
 * same rule, so that the search shows a participant exactly the streams it may open one by one.
 */
export function partiesOfOpening(envelope: Pick<EventEnvelope, 'streamType' | 'type' | 'data'>): string[] | undefined {
  const opening = openingFields[envelope.streamType];
  if (!opening || opening.type !== envelope.type) return undefined;
  const data = (envelope.data ?? {}) as Record<string, unknown>;
  return opening.fields.map((field) => data[field]).filter((value): value is string => typeof value === 'string');
}

export function auditEntryOf(envelope: EventEnvelope, participants: readonly string[]): AuditEntry {
  const { sub, role, participantId } = envelope.metadata.actor;
  return {
    _id: envelope.eventId,
    eventId: envelope.eventId,
    type: envelope.type,
    streamType: envelope.streamType,
    streamId: envelope.streamId,
    version: envelope.version,
    actor: { sub, role, ...(participantId !== undefined && { participantId }) },
    participants,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    envelope,
  };
}
