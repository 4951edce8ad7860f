import type { Decider } from '../decider';
import type { PledgeCommand } from './commands';
import { decidePledge } from './decide';
import type { PledgeEvent } from './events';
import { evolvePledge } from './evolve';
import { initialPledgeState, type PledgeState } from './state';

export * from './commands';
export * from './events';
export * from './state';
export { decidePledge, evolvePledge };

export const pledgeDecider: Decider<PledgeCommand, PledgeEvent, PledgeState> = {
  decide: decidePledge,
  evolve: evolvePledge,
  initialState: initialPledgeState,
};
