import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainEvent, foldStream, StreamType, streamTypeOf } from '@cm/domain';
import { EVENT_STORE, EventEnvelope, EventStore, StreamVerification } from '@cm/event-store';
import { NotPartyToStream, StreamNotFound } from '../errors';
import { mayReadStream, partiesOf } from './stream-parties';

export interface EventPage {
  items: EventEnvelope[];
  /** The version to continue after, or null on the last page. */
  next: string | null;
}

export interface StreamStateAt {
  streamId: string;
  streamType: StreamType;
  /** The time asked for, normalised to UTC. */
  at: string;
  /** The version of the last event recorded at or before `at`; 0 when the stream did not exist yet. */
  version: number;
  state: unknown;
}

/** Reads one stream for an auditor: the caller must be staff or party to it, and the stream must exist. */
@Injectable()
export class AuditStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async events(actor: Actor, streamId: string, page: { after: number; limit: number }): Promise<EventPage> {
    const { events } = await this.readable(actor, streamId);
    const items = events.filter((event) => event.version > page.after).slice(0, page.limit);
    const last = items.at(-1);
    const more = last !== undefined && events.some((event) => event.version > last.version);
    return { items, next: more ? String(last.version) : null };
  }

  async stateAt(actor: Actor, streamId: string, at: Date): Promise<StreamStateAt> {
    // The access check already read the whole stream; the past is its prefix recorded up to `at`.
    const { streamType, events } = await this.readable(actor, streamId);
    const until = at.toISOString();
    const then = events.filter((event) => event.recordedAt <= until);
    const state = foldStream(streamType, then as DomainEvent[]);
    return { streamId, streamType, at: until, version: then.at(-1)?.version ?? 0, state };
  }

  async verify(actor: Actor, streamId: string): Promise<StreamVerification> {
    await this.readable(actor, streamId);
    return this.store.verifyStream(streamId);
  }

  private async readable(actor: Actor, streamId: string) {
    const streamType = streamTypeOf(streamId);
    const read = streamType ? await this.store.readStream(streamId) : undefined;
    if (!streamType || !read || read.events.length === 0) {
      throw new StreamNotFound(streamId);
    }
    if (!mayReadStream(actor, partiesOf(streamType, read.events[0]))) {
      throw new NotPartyToStream(
        `${actor.role} ${actor.participantId ?? actor.sub} is not party to stream ${streamId}`,
      );
    }
    return { streamType, events: read.events };
  }
}
