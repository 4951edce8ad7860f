import { DomainError } from './errors';
import { assertSameUnit, exceeds, isCurrency, isZero, minus, plus, zeroOf, type Quantity } from './quantity/quantity';
import type { AssistanceType } from './vocabulary';

/**
 * The part of a need or a pledge promised to one allocation, and how much of it was confirmed delivered.
 * A released reservation shrinks to what was delivered: delivered assistance stays counted.
 */
export interface Reservation {
  readonly amount: Quantity;
  readonly delivered: Quantity;
}

/** What a need or a pledge has promised and received, in its own unit. */
export interface Capacity {
  readonly quantity: Quantity;
  readonly allocated: Quantity;
  readonly delivered: Quantity;
  readonly reservations: Readonly<Record<string, Reservation>>;
  /** Deliveries already counted, so that a redelivered message counts once. */
  readonly deliveryIds: readonly string[];
}

export const emptyCapacity = (quantity: Quantity): Capacity => ({
  quantity,
  allocated: zeroOf(quantity.unit),
  delivered: zeroOf(quantity.unit),
  reservations: {},
  deliveryIds: [],
});

export const remainingOf = (capacity: Capacity): Quantity => minus(capacity.quantity, capacity.allocated);

/** Returns false when the allocation already holds a reservation (a retried saga step); throws when it would not fit. */
export function canReserve(capacity: Capacity, allocationId: string, amount: Quantity): boolean {
  if (capacity.reservations[allocationId]) return false;
  assertSameUnit(capacity.quantity, amount, 'amount');
  if (exceeds(plus(capacity.allocated, amount), capacity.quantity)) {
    throw new DomainError(
      'OVER_ALLOCATION',
      `${amount.amount} ${amount.unit} exceeds the ${remainingOf(capacity).amount} ${amount.unit} left`,
      'amount',
    );
  }
  return true;
}

/** What releasing the allocation would give back: its undelivered part, or nothing if it holds none. */
export function releasableOf(capacity: Capacity, allocationId: string): Quantity | undefined {
  const reservation = capacity.reservations[allocationId];
  if (!reservation) return undefined;
  const releasable = minus(reservation.amount, reservation.delivered);
  return isZero(releasable) ? undefined : releasable;
}

/** Returns false for a delivery already counted; throws for an unknown allocation or an over-delivery. */
export function canRecordDelivery(capacity: Capacity, allocationId: string, deliveryId: string, amount: Quantity) {
  if (capacity.deliveryIds.includes(deliveryId)) return false;
  const reservation = capacity.reservations[allocationId];
  if (!reservation) {
    throw new DomainError('UNKNOWN_ALLOCATION', `allocation ${allocationId} holds no reservation`, 'allocationId');
  }
  assertSameUnit(capacity.quantity, amount, 'amount');
  if (exceeds(plus(reservation.delivered, amount), reservation.amount)) {
    throw new DomainError('OVER_DELIVERY', `delivery ${deliveryId} exceeds allocation ${allocationId}`, 'amount');
  }
  return true;
}

export function withReservation<C extends Capacity>(capacity: C, allocationId: string, amount: Quantity): C {
  return {
    ...capacity,
    allocated: plus(capacity.allocated, amount),
    reservations: { ...capacity.reservations, [allocationId]: { amount, delivered: zeroOf(amount.unit) } },
  };
}

export function withRelease<C extends Capacity>(capacity: C, allocationId: string, released: Quantity): C {
  const reservation = capacity.reservations[allocationId];
  if (!reservation) return capacity;
  const { [allocationId]: _released, ...others } = capacity.reservations;
  const kept = minus(reservation.amount, released);
  return {
    ...capacity,
    allocated: minus(capacity.allocated, released),
    reservations: isZero(kept) ? others : { ...others, [allocationId]: { ...reservation, amount: kept } },
  };
}

export function withDelivery<C extends Capacity>(
  capacity: C,
  allocationId: string,
  deliveryId: string,
  amount: Quantity,
): C {
  const reservation = capacity.reservations[allocationId];
  if (!reservation) return capacity;
  return {
    ...capacity,
    delivered: plus(capacity.delivered, amount),
    reservations: {
      ...capacity.reservations,
      [allocationId]: { ...reservation, delivered: plus(reservation.delivered, amount) },
    },
    deliveryIds: [...capacity.deliveryIds, deliveryId],
  };
}

/** Money is counted in an ISO 4217 currency; goods and expertise in a unit word (DESIGN §2). */
export function assertUnitSuits(assistanceType: AssistanceType, quantity: Quantity, field = 'quantity'): void {
  const financial = assistanceType === 'financial';
  if (financial !== isCurrency(quantity.unit)) {
    const expected = financial ? 'an ISO 4217 currency' : 'a unit word such as items or expert_days';
    throw new DomainError('INVALID_UNIT', `${assistanceType} assistance is counted in ${expected}`, `${field}.unit`);
  }
}
