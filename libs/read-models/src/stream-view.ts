import type { EventEnvelope } from '@cm/event-store';

/** What every per-stream read-model document has: its record id as `_id`, and the last stream version it applied. */
export interface StreamView {
  readonly _id: string;
  readonly id: string;
  readonly version: number;
  /** When the last applied event happened (its `occurredAt`). */
  readonly updatedAt: string;
}

/**
 * Applies an event to a per-stream document at most once: versions at or below the one applied are skipped (Kafka keeps
 * one stream's order, so a replay or a redelivery only ever shows versions already seen). `fold` is the domain's evolve.
 */
export function evolveStreamView<State extends { id: string }, View extends StreamView & State>(
  doc: View | null,
  envelope: EventEnvelope,
  fold: (state: State | null, event: { type: string; data: unknown }) => State | null,
  derived: (state: State) => Omit<View, keyof StreamView | keyof State> = () => ({}) as never,
): View | null {
  if (doc && envelope.version <= doc.version) return doc;
  const state = fold(doc, envelope);
  if (!state) return doc;
  return {
    ...state,
    ...derived(state),
    _id: state.id,
    version: envelope.version,
    updatedAt: envelope.occurredAt,
  } as unknown as View;
}
