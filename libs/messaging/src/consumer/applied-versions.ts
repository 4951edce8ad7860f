/** What a read-model document remembers about the streams that shaped it, to apply each event at most once. */
export interface AppliedVersion {
  streamId: string;
  version: number;
}

export interface SourceEvent {
  streamId: string;
  version: number;
}

/**
 * True when this document already reflects the event: it has applied this version of the stream or a later one.
 * Kafka keeps per-stream order, so a replay or a redelivery after a crash always shows versions already seen.
 */
export function alreadyApplied(applied: readonly AppliedVersion[] | undefined, event: SourceEvent): boolean {
  return (applied ?? []).some((entry) => entry.streamId === event.streamId && entry.version >= event.version);
}

/** The applied list after the event, one entry per source stream. */
export function withApplied(applied: readonly AppliedVersion[] | undefined, event: SourceEvent): AppliedVersion[] {
  return [
    ...(applied ?? []).filter((entry) => entry.streamId !== event.streamId),
    { streamId: event.streamId, version: event.version },
  ].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}
