import type { Decider } from '../decider';
import type { AllocationCommand } from './commands';
import { decideAllocation } from './decide';
import type { AllocationEvent } from './events';
import { evolveAllocation } from './evolve';
import { initialAllocationState, type AllocationState } from './state';

export * from './commands';
export * from './compatibility';
export * from './events';
export * from './state';
export { decideAllocation, evolveAllocation };

export const allocationDecider: Decider<AllocationCommand, AllocationEvent, AllocationState> = {
  decide: decideAllocation,
  evolve: evolveAllocation,
  initialState: initialAllocationState,
};
