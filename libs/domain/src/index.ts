import { allocationEventRegistrations } from './allocation/events';
import type { EventRegistration } from './decider';
import { needEventRegistrations } from './need/events';
import { participantEventRegistrations } from './participant/events';
import { pledgeEventRegistrations } from './pledge/events';
import { coalitionEventRegistrations } from './coalition/events';

export * from './errors';
export * from './actor';
export * from './decider';
export * from './vocabulary';
export * from './limits';
export * from './dates';
export * from './quantity';
export * from './fx';
export * from './capacity';
export * from './participant';
export * from './need';
export * from './pledge';
export * from './allocation';
export * from './coalition';
export * from './aggregates';

/** Every stored event name with its stream type and schema version, for the event store's registry. */
export const eventRegistrations: readonly EventRegistration[] = [
  ...participantEventRegistrations,
  ...needEventRegistrations,
  ...pledgeEventRegistrations,
  ...allocationEventRegistrations,
  ...coalitionEventRegistrations,
];
