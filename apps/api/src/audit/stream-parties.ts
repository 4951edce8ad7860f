import { Actor, DomainEvent, Role, unhandled } from '@cm/domain';
import { AuditedStreamType } from './audited-streams';

/** Staff read every stream; donors and affected States only those they are party to. */
const readersOfEveryStream: readonly Role[] = ['admin', 'coordinator', 'analyst'];

/**
 * The participants a stream concerns, read from the event that opened it: the registered participant, a need's
 * requester, a pledge's donor, and both the donor and the recipient of an allocation. The opening event is
 * immutable, so who is party to a stream never changes.
 */
export function partiesOf(streamType: AuditedStreamType, opening: DomainEvent | undefined): string[] {
  if (!opening) return [];
  const data = opening.data as Record<string, unknown>;
  const named = (...fields: string[]) =>
    fields.map((field) => data[field]).filter((value): value is string => typeof value === 'string');
  switch (streamType) {
    case 'participant':
      return opening.type === 'ParticipantRegistered' ? named('participantId') : [];
    case 'need':
      return opening.type === 'NeedPosted' ? named('requesterId') : [];
    case 'pledge':
      return opening.type === 'PledgeSubmitted' ? named('donorId') : [];
    case 'allocation':
      return opening.type === 'AllocationRequested' ? named('donorId', 'recipientId') : [];
    default:
      return unhandled(streamType);
  }
}

export function mayReadStream(actor: Actor, parties: readonly string[]): boolean {
  if (readersOfEveryStream.includes(actor.role)) return true;
  return actor.participantId !== undefined && parties.includes(actor.participantId);
}
