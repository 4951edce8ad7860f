import { assertActsFor } from '../actor';
import { notInFuture } from '../dates';
import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { assertSameUnit, quantityOf, type Quantity } from '../quantity/quantity';
import { maxReasonLength } from '../limits';
import * as vocabulary from '../vocabulary';
import type { CorrectDelivery, WithdrawDelivery, WithdrawDeliveryDispute } from './commands';
import { assertWithinAllocation, confirm, deliveryOf, type Sides } from './deliveries';
import type { AllocationEvent, DeliveryDisputeWithdrawn } from './events';
import { evolveAllocation } from './evolve';
import { assertStatus, type Allocation, type Delivery } from './state';

type DisputeCommand = CorrectDelivery | WithdrawDelivery | WithdrawDeliveryDispute;

/**
 * How a dispute ends: the donor corrects the delivery (it awaits confirmation again) or withdraws it (it counts
 * nowhere), or the recipient withdraws its dispute, which confirms the delivery as recorded. Only a disputed delivery
 * can be answered; repeating an answer already given changes nothing.
 */
export function decideDispute(command: DisputeCommand, allocation: Allocation, sides: Sides): AllocationEvent[] {
  switch (command.type) {
    case 'CorrectDelivery':
      return correct(command, allocation, sides);
    case 'WithdrawDelivery': {
      assertActsFor(command.metadata.actor, allocation.donorId);
      const delivery = deliveryOf(allocation, command.data.deliveryId);
      if (delivery.status === 'withdrawn') return [];
      assertDisputed(delivery);
      const reason = vocabulary.text(command.data.reason, 'reason', maxReasonLength);
      return [
        { type: 'DeliveryWithdrawn', data: { ...sides, deliveryId: delivery.id, amount: delivery.amount, reason } },
      ];
    }
    case 'WithdrawDeliveryDispute':
      return withdrawDispute(command, allocation, sides);
    default:
      return unhandled(command);
  }
}

function correct({ data, metadata }: CorrectDelivery, allocation: Allocation, sides: Sides): AllocationEvent[] {
  assertActsFor(metadata.actor, allocation.donorId);
  assertStatus(allocation, ['accepted', 'partially_delivered']);
  const delivery = deliveryOf(allocation, data.deliveryId);
  assertDisputed(delivery);
  const reason = vocabulary.text(data.reason, 'reason', maxReasonLength);
  if (data.amount === undefined && data.deliveredOn === undefined) {
    throw new DomainError('INVALID_FIELD', 'a correction needs a new amount or a new deliveredOn', 'amount');
  }
  const amount: Quantity = data.amount === undefined ? delivery.amount : quantityOf(data.amount, { field: 'amount' });
  assertSameUnit(allocation.amount, amount, 'amount.unit');
  const deliveredOn =
    data.deliveredOn === undefined ? delivery.deliveredOn : notInFuture(data.deliveredOn, 'deliveredOn', metadata.now);
  if (amount.amount === delivery.amount.amount && deliveredOn === delivery.deliveredOn) {
    throw new DomainError('INVALID_FIELD', 'the correction changes neither the amount nor deliveredOn', 'amount');
  }
  assertWithinAllocation(allocation, amount, delivery.id);
  const previous = { amount: delivery.amount, deliveredOn: delivery.deliveredOn };
  return [
    { type: 'DeliveryCorrected', data: { ...sides, deliveryId: delivery.id, amount, deliveredOn, previous, reason } },
  ];
}

function withdrawDispute(command: WithdrawDeliveryDispute, allocation: Allocation, sides: Sides): AllocationEvent[] {
  const { data, metadata } = command;
  assertActsFor(metadata.actor, allocation.recipientId);
  assertStatus(allocation, ['accepted', 'partially_delivered']);
  const delivery = deliveryOf(allocation, data.deliveryId);
  if (delivery.status === 'confirmed') return [];
  assertDisputed(delivery);
  // The donor may have sent a replacement meanwhile: reinstating this one must not deliver more than allocated.
  assertWithinAllocation(allocation, delivery.amount, delivery.id);
  const reason = vocabulary.optionalText(data.reason, 'reason', maxReasonLength);
  const withdrawn: DeliveryDisputeWithdrawn = {
    type: 'DeliveryDisputeWithdrawn',
    data: { ...sides, deliveryId: delivery.id, ...(reason && { reason }) },
  };
  const reinstated = evolveAllocation(allocation, withdrawn) as Allocation;
  const confirmation = { type: 'ConfirmDelivery' as const, data: { ...data }, metadata };
  return [withdrawn, ...confirm(confirmation, reinstated, sides)];
}

function assertDisputed(delivery: Delivery): void {
  if (delivery.status !== 'disputed') {
    throw new DomainError('INVALID_TRANSITION', `delivery ${delivery.id} is ${delivery.status}, not disputed`);
  }
}
