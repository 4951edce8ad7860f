import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainCommand } from '@cm/domain';
import { EVENT_STORE, EventMetadata, EventStore, VersionConflictError } from '@cm/event-store';
import { StreamPosition } from './consistency/consistency-token';
import { ConsistencyTokens } from './consistency/consistency-tokens';
import { Problem } from '../../../apps/api/src/problems/problem';
import { CommandAnswer } from '../../../apps/api/src/http/command-answer';
import { StreamLocks } from './stream-locks';

export const streamIdOf = (streamType: string, id: string): string => `${streamType}-${id}`;

export interface Loaded<State> {
  state: State;
  /** 0 for a stream with no events. */
  version: number;
  /** Command ids already applied to the stream: a command found here is not decided again. */
  commandIds: ReadonlySet<string>;
}

export interface Decided<State, Event> extends Loaded<State> {
  /** What this command appended; empty when the decider found nothing to do (or a duplicate was replayed). */
  events: Event[];
}

export interface StreamCommand<Command, Event, State> {
  streamType: string;
  /** The aggregate's id; the stream id is `<streamType>-<id>`. */
  id: string;
  decider: Decider<Command, Event, State>;
  /** Built from the current state, so that a retry after a conflict decides on fresh data. */
  command: Command | ((state: State) => Command);
  metadata: EventMetadata;
  /** From `If-Match`: the version the client last saw; anything else answers 412. */
  ifMatch?: number;
}

/** Conflicts are expected under contention (40 allocations on one pledge): retry with jitter, then give up with 409. */
const maxAttempts = 25;
const backoffMs = (attempt: number) => Math.min(5 * 2 ** Math.min(attempt, 4), 80) * (0.5 + Math.random());

/**
 * The whole write path of a command on one aggregate: load, fold, decide, append with the expected version; on a
 * version conflict, do it all again. Appends to one stream from this process are serialised (StreamLocks) so that
 * conflicts mostly come from other instances.
 */
@Injectable()
export class Streams {
  private readonly locks = new StreamLocks();
  /** The positions written by the command running in this async context (and by every saga step it runs). */
  private readonly written = new AsyncLocalStorage<StreamPosition[]>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tokens: ConsistencyTokens,
  ) {}

  /**
   * Runs one command and answers it with a consistency token covering every stream the command executed on — its own,
   * and the pledges, needs and allocations its saga steps changed — at the version each stream had after it. A
   * stream whose step found its events already stored (a retry) counts too: its read model must have them as well.
   */
  async answer(work: () => Promise<Omit<CommandAnswer, 'consistencyToken'>>): Promise<CommandAnswer> {
    const positions: StreamPosition[] = [];
    const answer = await this.written.run(positions, work);
    return { ...answer, consistencyToken: await this.tokens.issue(positions) };
  }

  private record(streamType: string, id: string, version: number): void {
    if (version > 0) this.written.getStore()?.push({ streamType, streamId: streamIdOf(streamType, id), version });
  }

  async load<C, E, S>(streamType: string, id: string, decider: Decider<C, E, S>): Promise<Loaded<S>> {
    const read = await this.store.readStream(streamIdOf(streamType, id));
    const state = read.events.reduce(
      (current, envelope) => decider.evolve(current, envelope as E),
      decider.initialState,
    );
    const commandIds = new Set(read.events.map((envelope) => envelope.metadata.commandId));
    return { state, version: read.version, commandIds };
  }

  async readEvents(streamType: string, id: string) {
    return (await this.store.readStream(streamIdOf(streamType, id))).events;
  }

  async execute<C extends DomainCommand, E extends { type: string; data: unknown }, S>(
    spec: StreamCommand<C, E, S>,
  ): Promise<Decided<S, E>> {
    const decided = await this.decide(spec);
    this.record(spec.streamType, spec.id, decided.version);
    return decided;
  }

  private async decide<C extends DomainCommand, E extends { type: string; data: unknown }, S>(
    spec: StreamCommand<C, E, S>,
  ): Promise<Decided<S, E>> {
    const streamId = streamIdOf(spec.streamType, spec.id);
    return this.locks.run(streamId, async () => {
      for (let attempt = 1; ; attempt++) {
        const loaded = await this.load(spec.streamType, spec.id, spec.decider);
        const { state, version } = loaded;
        // A retry of a command whose events are stored (e.g. after a crash before the answer): nothing more to do.
        if (loaded.commandIds.has(spec.metadata.commandId)) return { ...loaded, events: [] };
        if (spec.ifMatch !== undefined && spec.ifMatch !== version) {
          throw Problem.preconditionFailed(`If-Match ${spec.ifMatch} does not match the current version ${version}`);
        }
        const command = typeof spec.command === 'function' ? spec.command(state) : spec.command;
        const events = spec.decider.decide(command, state);
        if (events.length === 0) return { ...loaded, events };
        try {
          const occurredAt = command.metadata.now;
          const appended = await this.store.append(
            streamId,
            spec.streamType,
            version === 0 ? 'no_stream' : version,
            events.map((event) => ({ type: event.type, data: event.data, occurredAt })),
            spec.metadata,
          );
          if (appended.duplicate) return { ...(await this.load(spec.streamType, spec.id, spec.decider)), events: [] };
          const next = events.reduce(spec.decider.evolve, state);
          return { state: next, version: appended.version, commandIds: loaded.commandIds, events };
        } catch (error) {
          if (!(error instanceof VersionConflictError)) throw error;
          if (spec.ifMatch !== undefined) {
            throw Problem.preconditionFailed(`the record changed after version ${spec.ifMatch}`);
          }
          if (attempt >= maxAttempts) throw error;
          await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
        }
      }
    });
  }
}
