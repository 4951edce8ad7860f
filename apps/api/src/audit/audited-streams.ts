import {
  allocationDecider,
  coalitionDecider,
  Decider,
  DomainEvent,
  needDecider,
  participantDecider,
  pledgeDecider,
} from '@cm/domain';
import { AuditedStreamType, auditedStreamTypes } from '@cm/read-models';

export type { AuditedStreamType };

/** The aggregates the event store holds, each with the decider whose `evolve` folds its stream. */
const deciders = {
  participant: participantDecider,
  need: needDecider,
  pledge: pledgeDecider,
  allocation: allocationDecider,
  coalition: coalitionDecider,
} as const satisfies Record<AuditedStreamType, unknown>;

/** Stream ids are `<type>-<id>` (commands/streams.ts); anything else names no stream of ours. */
export function streamTypeOf(streamId: string): AuditedStreamType | undefined {
  const prefix = streamId.slice(0, streamId.indexOf('-'));
  return auditedStreamTypes.find((type) => type === prefix);
}

/**
 * The aggregate as its events make it, folded with the domain's own `evolve`: the same code that decides commands,
 * so a past state is exactly what a command would have been decided on then. Null before the first event.
 */
export function foldStream(streamType: AuditedStreamType, events: readonly DomainEvent[]): unknown {
  const decider = deciders[streamType] as unknown as Decider<never, DomainEvent, unknown>;
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
