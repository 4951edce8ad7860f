import { unhandled } from '../decider';
import { plus, zeroOf } from '../quantity/quantity';
import type { AllocationEvent } from './events';
import type { Allocation, AllocationState, Delivery, DeliveryStatus } from './state';

export function evolveAllocation(state: AllocationState, event: AllocationEvent): AllocationState {
  if (event.type === 'AllocationRequested') {
    const { allocationId, ...terms } = event.data;
    return {
      id: allocationId,
      ...terms,
      status: 'pending',
      deliveries: {},
      confirmed: zeroOf(terms.amount.unit),
      confirmedNeedAmount: zeroOf(terms.needAmount.unit),
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'AllocationProposed':
      return { ...state, status: 'proposed' };
    case 'AllocationRejected':
      return { ...state, status: 'rejected' };
    case 'AllocationAccepted':
      return { ...state, status: 'accepted' };
    case 'AllocationDeclined':
      return { ...state, status: 'declined' };
    case 'AllocationCancelled':
      return { ...state, status: 'cancelled' };
    case 'DeliveryRecorded': {
      const { deliveryId, amount, deliveredOn, reference, note } = event.data;
      const delivery: Delivery = { id: deliveryId, amount, deliveredOn, reference, note, status: 'recorded' };
      return withDelivery(state, delivery);
    }
    case 'DeliveryConfirmed': {
      const { deliveryId, needAmount, receivedOn, status } = event.data;
      const delivery = state.deliveries[deliveryId];
      if (!delivery) return state;
      return {
        ...withDelivery(state, { ...delivery, status: 'confirmed', needAmount, receivedOn }),
        status,
        confirmed: plus(state.confirmed, delivery.amount),
        confirmedNeedAmount: plus(state.confirmedNeedAmount, needAmount),
      };
    }
    case 'DeliveryDisputed': {
      const delivery = state.deliveries[event.data.deliveryId];
      const { disputedAt } = event.data;
      return delivery
        ? withDelivery(state, { ...delivery, status: 'disputed', ...(disputedAt && { disputedAt }) })
        : state;
    }
    case 'DeliveryCorrected': {
      const { deliveryId, amount, deliveredOn } = event.data;
      const delivery = state.deliveries[deliveryId];
      if (!delivery) return state;
      const { disputedAt: _resolved, ...rest } = delivery;
      const corrections = (delivery.corrections ?? 0) + 1;
      return withDelivery(state, { ...rest, amount, deliveredOn, status: 'recorded', corrections });
    }
    case 'DeliveryWithdrawn':
      return withStatus(state, event.data.deliveryId, 'withdrawn');
    case 'DeliveryDisputeWithdrawn':
      return withStatus(state, event.data.deliveryId, 'recorded');
    default:
      return unhandled(event);
  }
}

const withDelivery = (allocation: Allocation, delivery: Delivery): Allocation => ({
  ...allocation,
  deliveries: { ...allocation.deliveries, [delivery.id]: delivery },
});

const withStatus = (allocation: Allocation, deliveryId: string, status: DeliveryStatus): Allocation => {
  const delivery = allocation.deliveries[deliveryId];
  if (!delivery) return allocation;
  const { disputedAt: _resolved, ...rest } = delivery;
  return withDelivery(allocation, { ...rest, status });
};

/** What is still to be delivered, in the pledge's unit. */
