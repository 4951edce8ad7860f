import { assertActsFor } from '../actor';
import { notInFuture } from '../dates';
import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { divideHalfEven } from '../quantity/decimal';
import {
  assertSameUnit,
  exceeds,
  fromMinor,
  minorOf,
  plus,
  quantityOf,
  sumOf,
  type Quantity,
} from '../quantity/quantity';
import { maxIdLength, maxReasonLength, maxTitleLength } from '../limits';
import * as vocabulary from '../vocabulary';
import type { ConfirmDelivery, DisputeDelivery, RecordDelivery } from './commands';
import type { AllocationEvent } from './events';
import { assertStatus, type Allocation, type Delivery } from './state';

export type Sides = { allocationId: string; pledgeId: string; needId: string };
type DeliveryCommand = RecordDelivery | ConfirmDelivery | DisputeDelivery;

export function decideDelivery(command: DeliveryCommand, allocation: Allocation, sides: Sides): AllocationEvent[] {
  switch (command.type) {
    case 'RecordDelivery':
      return record(command, allocation, sides);
    case 'ConfirmDelivery':
      return confirm(command, allocation, sides);
    case 'DisputeDelivery': {
      assertActsFor(command.metadata.actor, allocation.recipientId);
      const delivery = deliveryOf(allocation, command.data.deliveryId);
      if (delivery.status === 'disputed') return [];
      assertRecorded(allocation, delivery);
      const reason = vocabulary.text(command.data.reason, 'reason', maxReasonLength);
      const disputedAt = command.metadata.now;
      return [
        {
          type: 'DeliveryDisputed',
          data: { ...sides, deliveryId: delivery.id, amount: delivery.amount, reason, disputedAt },
        },
      ];
    }
    default:
      return unhandled(command);
  }
}

function record({ data, metadata }: RecordDelivery, allocation: Allocation, sides: Sides): AllocationEvent[] {
  assertActsFor(metadata.actor, allocation.donorId);
  assertStatus(allocation, ['accepted', 'partially_delivered']);
  const deliveryId = vocabulary.text(data.deliveryId, 'deliveryId', maxIdLength);
  if (allocation.deliveries[deliveryId]) {
    throw new DomainError('ALREADY_EXISTS', `delivery ${deliveryId} is already recorded`, 'deliveryId');
  }
  const amount = quantityOf(data.amount, { field: 'amount' });
  assertSameUnit(allocation.amount, amount, 'amount.unit');
  assertWithinAllocation(allocation, amount);
  const deliveredOn = notInFuture(data.deliveredOn, 'deliveredOn', metadata.now);
  const reference = vocabulary.optionalText(data.reference, 'reference', maxTitleLength);
  const note = vocabulary.optionalText(data.note, 'note', maxReasonLength);
  return [
    {
      type: 'DeliveryRecorded',
      data: { ...sides, deliveryId, amount, deliveredOn, ...(reference && { reference }), ...(note && { note }) },
    },
  ];
}

/**
 * A disputed or withdrawn delivery frees its amount (it may be sent again); every other one, and `amount` added to
 * them (`except` leaves out the delivery being corrected or reinstated), stays within the allocation.
 */
export function assertWithinAllocation(allocation: Allocation, amount: Quantity, except?: string): void {
  const outstanding = Object.values(allocation.deliveries).filter(
    (delivery) => delivery.id !== except && delivery.status !== 'disputed' && delivery.status !== 'withdrawn',
  );
  const total = plus(
    sumOf(
      amount.unit,
      outstanding.map((delivery) => delivery.amount),
    ),
    amount,
  );
  if (exceeds(total, allocation.amount)) {
    throw new DomainError(
      'OVER_DELIVERY',
      `deliveries would exceed ${allocation.amount.amount} ${amount.unit}`,
      'amount',
    );
  }
}

export function confirm({ data, metadata }: ConfirmDelivery, allocation: Allocation, sides: Sides): AllocationEvent[] {
  assertActsFor(metadata.actor, allocation.recipientId);
  const delivery = deliveryOf(allocation, data.deliveryId);
  if (delivery.status === 'confirmed') return [];
  assertRecorded(allocation, delivery);
  const receivedOn =
    data.receivedOn === undefined ? undefined : notInFuture(data.receivedOn, 'receivedOn', metadata.now);
  const confirmed = plus(allocation.confirmed, delivery.amount);
  const needAmount = needShareOf(allocation, confirmed, allocation.confirmedNeedAmount);
  const status = confirmed.amount === allocation.amount.amount ? 'completed' : 'partially_delivered';
  return [
    {
      type: 'DeliveryConfirmed',
      data: {
        ...sides,
        deliveryId: delivery.id,
        amount: delivery.amount,
        needAmount,
        ...(receivedOn && { receivedOn }),
        status,
      },
    },
  ];
}

/**
 * The need-unit share of a delivery, rounded on the running total: share = round(needAmount × confirmed / amount)
 * minus what earlier deliveries already counted. Confirmed shares therefore never overshoot and add up to exactly
 * the allocation's needAmount when the allocation completes, whatever the exchange rate did to the cents.
 */
function needShareOf(allocation: Allocation, confirmedAfter: Quantity, countedBefore: Quantity): Quantity {
  const numerator = minorOf(allocation.needAmount) * minorOf(confirmedAfter);
  const cumulative = divideHalfEven(numerator, minorOf(allocation.amount));
  return fromMinor(cumulative - minorOf(countedBefore), allocation.needAmount.unit);
}

export function deliveryOf(allocation: Allocation, deliveryId: string): Delivery {
  const delivery = allocation.deliveries[deliveryId];
  if (!delivery) throw new DomainError('UNKNOWN_DELIVERY', `delivery ${deliveryId} is not recorded`, 'deliveryId');
  return delivery;
}

/** Confirming or disputing needs a live allocation and a delivery nobody has answered yet. */
function assertRecorded(allocation: Allocation, delivery: Delivery): void {
  assertStatus(allocation, ['accepted', 'partially_delivered']);
  if (delivery.status !== 'recorded') {
    throw new DomainError('INVALID_TRANSITION', `delivery ${delivery.id} is already ${delivery.status}`);
  }
}
