import type { Decider } from '../decider';
import type { CoalitionCommand } from './commands';
import { decideCoalition } from './decide';
import type { CoalitionEvent } from './events';
import { evolveCoalition } from './evolve';
import { initialCoalitionState, type CoalitionState } from './state';

export * from './commands';
export * from './events';
export * from './state';
export { decideCoalition, evolveCoalition };

export const coalitionDecider: Decider<CoalitionCommand, CoalitionEvent, CoalitionState> = {
  decide: decideCoalition,
  evolve: evolveCoalition,
  initialState: initialCoalitionState,
};
