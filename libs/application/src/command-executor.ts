import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Actor, Aggregate, DomainCommand, DomainEvent, streamIdOf } from '@cm/domain';
import { EVENT_STORE, EventStore, VersionConflictError } from '@cm/event-store';
import { CommandContext, metadataOf } from './command-context';
import { CommandResult, Outcome } from './command-result';
import { StreamPosition } from './consistency/consistency-token';
import { ConsistencyTokens } from './consistency/consistency-tokens';
import { PreconditionFailed } from './errors';
import { StreamLocks } from './stream-locks';

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

/** A domain command as a use case writes it: the executor adds its metadata (actor and time) from the context. */
export type CommandBody<Command> = Command extends DomainCommand ? Omit<Command, 'metadata'> : never;

export interface ExecuteOptions {
  /** One step of a command touching several streams: its events get the command id `<commandId>/<step>`. */
  step?: string;
  /** From `If-Match`: the version the client last saw; anything else is refused (412). */
  ifMatch?: number;
  /** Who the decider sees acting, when not the context's actor (a saga step); the events still name the real one. */
  actingAs?: Actor;
}

/** Conflicts are expected under contention (40 allocations on one pledge): retry with jitter, then give up with 409. */
const maxAttempts = 25;
const backoffMs = (attempt: number) => Math.min(5 * 2 ** Math.min(attempt, 4), 80) * (0.5 + Math.random());
/** Streams whose folded state this process keeps between commands. */
const cachedStreams = 10_000;

/**
 * Executes commands on aggregates: load, fold, decide, append with the expected version; on a version conflict, do
 * it all again. Appends to one stream from this process are serialised (StreamLocks) so that conflicts mostly come
 * from other instances.
 *
 * The state each stream had after this process last read or wrote it is kept (`decided`), so that a command on a
 * stream in use costs no read: the append's expected version is the check. Decided on a stale state, the append
 * collides with the newer commit and the command is decided again from a fresh read; an answer that appends
 * nothing (a refusal, a no-op, an If-Match mismatch) is never given from kept state without that fresh read.
 */
@Injectable()
export class CommandExecutor {
  private readonly locks = new StreamLocks();
  /** The positions written by the command running in this async context (and by every saga step it runs). */
  private readonly written = new AsyncLocalStorage<StreamPosition[]>();
  private readonly decided = new LRUCache<string, Loaded<unknown>>({ max: cachedStreams });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tokens: ConsistencyTokens,
  ) {}

  /**
   * Runs one use case and answers it with a consistency token covering every stream it executed on — its own, and
   * the pledges, needs and allocations its saga steps changed — at the version each stream had after it. A stream
   * whose step found its events already stored (a retry) counts too: its read model must have them as well.
   */
  async answer(work: () => Promise<Outcome>): Promise<CommandResult> {
    const positions: StreamPosition[] = [];
    const answer = await this.written.run(positions, work);
    return { ...answer, consistencyToken: await this.tokens.issue(positions) };
  }

  async load<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
  ): Promise<Loaded<S>> {
    const streamId = streamIdOf(aggregate.streamType, id);
    const read = await this.store.readStream(streamId);
    const { evolve, initialState } = aggregate.decider;
    const state = read.events.reduce((current, envelope) => evolve(current, envelope as unknown as E), initialState);
    const commandIds = new Set(read.events.map((envelope) => envelope.metadata.commandId));
    const loaded = { state, version: read.version, commandIds };
    if (loaded.version > 0) this.decided.set(streamId, loaded);
    return loaded;
  }

  async readEvents<C extends DomainCommand, E extends DomainEvent, S>(aggregate: Aggregate<C, E, S>, id: string) {
    return (await this.store.readStream(streamIdOf(aggregate.streamType, id))).events;
  }

  /** Decides `command` on the aggregate `id` as of its current state and appends what it decided. */
  async execute<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: NoInfer<CommandBody<C>>,
    context: CommandContext,
    options: ExecuteOptions = {},
  ): Promise<Decided<S, E>> {
    const decided = await this.decide(aggregate, id, command, context, options);
    if (decided.version > 0) {
      const { streamType } = aggregate;
      this.written.getStore()?.push({ streamType, streamId: streamIdOf(streamType, id), version: decided.version });
    }
    return decided;
  }

  private async decide<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    body: CommandBody<C>,
    context: CommandContext,
    { step, ifMatch, actingAs }: ExecuteOptions,
  ): Promise<Decided<S, E>> {
    const { streamType, decider } = aggregate;
    const streamId = streamIdOf(streamType, id);
    const metadata = metadataOf(context, step);
    const command = { ...body, metadata: { actor: actingAs ?? context.actor, now: context.now } } as C;
    return this.locks.run(streamId, async () => {
      for (let attempt = 1; ; attempt++) {
        const kept = this.decided.get(streamId) as Loaded<S> | undefined;
        const loaded = kept ?? (await this.load(aggregate, id));
        const { state, version } = loaded;
        // A retry of a command whose events are stored (e.g. after a crash before the answer): nothing more to do.
        if (loaded.commandIds.has(metadata.commandId)) return { ...loaded, events: [] };
        let events: E[];
        try {
          if (ifMatch !== undefined && ifMatch !== version) {
            throw new PreconditionFailed(`If-Match ${ifMatch} does not match the current version ${version}`);
          }
          events = decider.decide(command, state);
        } catch (refusal) {
          if (!kept) throw refusal;
          this.decided.delete(streamId); // refused on kept state: decide again on what the store holds
          continue;
        }
        if (events.length === 0) {
          if (!kept) return { ...loaded, events };
          this.decided.delete(streamId);
          continue;
        }
        try {
          const occurredAt = context.now;
          const appended = await this.store.append(
            streamId,
            streamType,
            version === 0 ? 'no_stream' : version,
            events.map((event) => ({ type: event.type, data: event.data, occurredAt })),
            metadata,
          );
          if (appended.duplicate) return { ...(await this.load(aggregate, id)), events: [] };
          const next: Loaded<S> = {
            state: events.reduce(decider.evolve, state),
            version: appended.version,
            commandIds: new Set([...loaded.commandIds, metadata.commandId]),
          };
          this.decided.set(streamId, next);
          return { ...next, events };
        } catch (error) {
          this.decided.delete(streamId);
          if (!(error instanceof VersionConflictError)) throw error;
          if (ifMatch !== undefined) throw new PreconditionFailed(`the record changed after version ${ifMatch}`);
          if (attempt >= maxAttempts) throw error;
          if (kept) continue; // the kept state was stale: decide again at once on a fresh read
          await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
        }
      }
    });
  }
}
