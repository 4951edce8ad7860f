import { evolveCoalition, type Coalition, type CoalitionEvent } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import { evolveStreamView, type StreamView } from '../stream-view';

/** A coalition with every membership (role, since, until) and its current members' ids, folded by the domain. */
export type CoalitionView = StreamView & Coalition;

export const evolveCoalitionView = (doc: CoalitionView | null, envelope: EventEnvelope): CoalitionView | null =>
  evolveStreamView<Coalition, CoalitionView>(doc, envelope, (state, event) =>
    evolveCoalition(state, event as CoalitionEvent),
  );
