import type { Decider } from '../decider';
import type { NeedCommand } from './commands';
import { decideNeed } from './decide';
import type { NeedEvent } from './events';
import { evolveNeed } from './evolve';
import { initialNeedState, type NeedState } from './state';

export * from './commands';
export * from './events';
export * from './state';
export { decideNeed, evolveNeed };

export const needDecider: Decider<NeedCommand, NeedEvent, NeedState> = {
  decide: decideNeed,
  evolve: evolveNeed,
  initialState: initialNeedState,
};
