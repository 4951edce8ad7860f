import { evolvePledge, remainingOf, type Pledge, type PledgeEvent, type Quantity } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import { evolveStreamView, type StreamView } from '../stream-view';

/** A pledge with `allocated`, `delivered` and `remaining` (not yet allocated) in its own unit. */
export type PledgeView = StreamView & Pledge & { readonly remaining: Quantity };

export const evolvePledgeView = (doc: PledgeView | null, envelope: EventEnvelope): PledgeView | null =>
  evolveStreamView<Pledge, PledgeView>(
    doc,
    envelope,
    (state, event) => evolvePledge(state, event as PledgeEvent),
    (pledge) => ({ remaining: remainingOf(pledge) }),
  );
