import { Actor, DomainEvent, Role, StreamType } from '@cm/domain';
import { partiesOfOpening } from '@cm/read-models';

/** Staff read every stream; donors and affected States only those they are party to. */
const readersOfEveryStream: readonly Role[] = ['admin', 'coordinator', 'analyst'];

/**
 * The participants a stream concerns, read from the event that opened it (the rule lives with the audit read model,
 * so that a search shows a participant exactly the streams it may open one by one). The opening event is immutable,
 * so who is party to a stream never changes.
 */
export function partiesOf(streamType: StreamType, opening: DomainEvent | undefined): string[] {
  if (!opening) return [];
  return partiesOfOpening({ streamType, type: opening.type, data: opening.data }) ?? [];
}

export function mayReadStream(actor: Actor, parties: readonly string[]): boolean {
  if (readersOfEveryStream.includes(actor.role)) return true;
  return actor.participantId !== undefined && parties.includes(actor.participantId);
}
