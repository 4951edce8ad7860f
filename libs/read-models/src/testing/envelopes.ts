import type { EventEnvelope } from '@cm/event-store';

/** Builds the envelopes of one stream in order, as the relay publishes them. */
export function streamOf(streamType: string, id: string, start = '2025-03-01T10:00:00.000Z') {
  let version = 0;
  return (type: string, data: Record<string, unknown>): EventEnvelope => {
    version += 1;
    const at = new Date(Date.parse(start) + version * 60_000).toISOString();
    return {
      eventId: `${id}-${version}`,
      type,
      schemaVersion: 1,
      streamId: `${streamType}-${id}`,
      streamType,
      version,
      occurredAt: at,
      recordedAt: at,
      data,
      metadata: {
        commandId: `c-${id}-${version}`,
        correlationId: 'k',
        causationId: 'k',
        actor: { sub: 't', role: 'coordinator' },
      },
      prevHash: '',
      hash: '',
    };
  };
}

export const fold = <D>(
  evolve: (doc: D | null, e: EventEnvelope) => D | null,
  events: EventEnvelope[],
  from: D | null = null,
) => events.reduce(evolve, from);

export const q = (amount: string, unit: string) => ({ amount, unit });
