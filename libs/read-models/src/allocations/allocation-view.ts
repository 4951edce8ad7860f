import { evolveAllocation, type Allocation, type AllocationEvent } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import { evolveStreamView, type StreamView } from '../stream-view';

/** An allocation with its deliveries (keyed by delivery id) and the confirmed totals in both units. */
export type AllocationView = StreamView & Allocation;

export const evolveAllocationView = (doc: AllocationView | null, envelope: EventEnvelope): AllocationView | null =>
  evolveStreamView<Allocation, AllocationView>(doc, envelope, (state, event) =>
    evolveAllocation(state, event as AllocationEvent),
  );
