import { allocationDecider, allocationStreamType } from './allocation';
import { coalitionDecider, coalitionStreamType } from './coalition';
import type { Decider, DomainCommand, DomainEvent } from './decider';
import { needDecider, needStreamType } from './need';
import { participantDecider, participantStreamType } from './participant';
import { pledgeDecider, pledgeStreamType } from './pledge';

/**
 * An aggregate bound once: the stream type its events are stored under and the decider that decides its commands and
 * folds its stream. The application executes commands on an aggregate by id; nothing else repeats the pair.
 */
export interface Aggregate<Command extends DomainCommand, Event extends DomainEvent, State> {
  readonly streamType: StreamType;
  readonly decider: Decider<Command, Event, State>;
}

const aggregateOf = <T extends string, C extends DomainCommand, E extends DomainEvent, S>(
  streamType: T,
  decider: Decider<C, E, S>,
) => ({ streamType, decider });

export const participantAggregate = aggregateOf(participantStreamType, participantDecider);
export const needAggregate = aggregateOf(needStreamType, needDecider);
export const pledgeAggregate = aggregateOf(pledgeStreamType, pledgeDecider);
export const allocationAggregate = aggregateOf(allocationStreamType, allocationDecider);
export const coalitionAggregate = aggregateOf(coalitionStreamType, coalitionDecider);

/** Every aggregate by its stream type: the one list of stream types (topics, audit, tokens all derive from it). */
export const aggregates = {
  participant: participantAggregate,
  need: needAggregate,
  pledge: pledgeAggregate,
  allocation: allocationAggregate,
  coalition: coalitionAggregate,
} as const;

export type StreamType = keyof typeof aggregates;

export const streamTypes = Object.keys(aggregates) as StreamType[];

/** A stream id is `<streamType>-<record id>`; record ids may hold dashes themselves (UUIDs). */
export const streamIdOf = (streamType: string, id: string): string => `${streamType}-${id}`;

/** The record id of a stream id `<streamType>-<id>`. */
export const recordIdOf = (streamType: string, streamId: string): string => streamId.slice(streamType.length + 1);

/** The stream type a stream id names by its prefix; undefined for anything that names no stream of ours. */
export function streamTypeOf(streamId: string): StreamType | undefined {
  const prefix = streamId.slice(0, streamId.indexOf('-'));
  return streamTypes.find((type) => type === prefix);
}

/**
 * The aggregate as its events make it, folded with the domain's own `evolve`: the same code that decides commands,
 * so a past state is exactly what a command would have been decided on then. Null before the first event.
 */
export function foldStream(streamType: StreamType, events: readonly DomainEvent[]): unknown {
  const decider = aggregates[streamType].decider as unknown as Decider<never, DomainEvent, unknown>;
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
