import { evolveNeed, remainingOf, type Need, type NeedEvent, type Quantity } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import { evolveStreamView, type StreamView } from '../stream-view';

/**
 * A need with its totals in its own unit: `allocated` (held by active allocations), `delivered` (confirmed),
 * `remaining` (still to be allocated). `reservations` and `deliveryIds` are the domain's bookkeeping, kept so that
 * the document evolves exactly as the write side does.
 */
export type NeedView = StreamView & Need & { readonly remaining: Quantity };

export const evolveNeedView = (doc: NeedView | null, envelope: EventEnvelope): NeedView | null =>
  evolveStreamView<Need, NeedView>(
    doc,
    envelope,
    (state, event) => evolveNeed(state, event as NeedEvent),
    (need) => ({ remaining: remainingOf(need) }),
  );
