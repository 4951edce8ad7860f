import { emptyCapacity, withDelivery, withRelease, withReservation } from '../capacity';
import { unhandled } from '../decider';
import type { NeedEvent } from './events';
import type { NeedState } from './state';

export function evolveNeed(state: NeedState, event: NeedEvent): NeedState {
  if (event.type === 'NeedPosted') {
    const { needId, quantity, ...terms } = event.data;
    return { id: needId, ...terms, ...emptyCapacity(quantity), status: 'open' };
  }
  if (!state) return state;
  switch (event.type) {
    case 'NeedRevised': {
      const { needId: _id, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'NeedWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'NeedCapacityReserved':
      return { ...withReservation(state, event.data.allocationId, event.data.amount), status: event.data.status };
    case 'NeedCapacityReleased':
      return { ...withRelease(state, event.data.allocationId, event.data.released), status: event.data.status };
    case 'NeedDeliveryConfirmed': {
      const { allocationId, deliveryId, amount, status } = event.data;
      return { ...withDelivery(state, allocationId, deliveryId, amount), status };
    }
    default:
      return unhandled(event);
  }
}
