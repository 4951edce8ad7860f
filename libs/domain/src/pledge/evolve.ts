import { emptyCapacity, withDelivery, withRelease, withReservation } from '../capacity';
import { unhandled } from '../decider';
import type { PledgeEvent } from './events';
import type { PledgeState } from './state';

export function evolvePledge(state: PledgeState, event: PledgeEvent): PledgeState {
  if (event.type === 'PledgeSubmitted') {
    const { pledgeId, quantity, ...terms } = event.data;
    return { id: pledgeId, ...terms, ...emptyCapacity(quantity), status: 'open' };
  }
  if (!state) return state;
  switch (event.type) {
    case 'PledgeRevised': {
      const { pledgeId: _id, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'PledgeWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'PledgeExpired':
      return { ...state, status: 'expired' };
    case 'PledgeCapacityReserved':
      return { ...withReservation(state, event.data.allocationId, event.data.amount), status: event.data.status };
    case 'PledgeCapacityReleased':
      return { ...withRelease(state, event.data.allocationId, event.data.released), status: event.data.status };
    case 'PledgeDeliveryConfirmed': {
      const { allocationId, deliveryId, amount, status } = event.data;
      return { ...withDelivery(state, allocationId, deliveryId, amount), status };
    }
    default:
      return unhandled(event);
  }
}
