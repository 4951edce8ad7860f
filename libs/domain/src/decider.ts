import type { CommandMetadata } from './actor';

/** A past-tense fact, stored under its stable `type` name. Who/when/why metadata is added by the command handler. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A request to change one aggregate; time and actor travel in its metadata, the domain has no clock. */
export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface Decider<Command, Event, State> {
  /** Throws a DomainError when the command breaks a rule; an empty list means "already done". */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  readonly initialState: State;
}

/** What the event store needs to register an aggregate's events under stable names. */
export interface EventRegistration {
  readonly streamType: string;
  readonly type: string;
  readonly schemaVersion: number;
}

export const registrationsOf = (
  streamType: string,
  schemaVersions: Readonly<Record<string, number>>,
): readonly EventRegistration[] =>
  Object.entries(schemaVersions).map(([type, schemaVersion]) => ({ streamType, type, schemaVersion }));

export function unhandled(value: never): never {
  throw new Error(`unhandled message ${JSON.stringify(value)}`);
}
