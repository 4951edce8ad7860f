import { assertActsFor } from '../actor';
import {
  assertUnitSuits,
  canRecordDelivery,
  canReserve,
  releasableOf,
  withDelivery,
  withRelease,
  withReservation,
  type Capacity,
} from '../capacity';
import { optionalIsoDateOf } from '../dates';
import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { assertSameUnit, exceeds, quantityOf } from '../quantity/quantity';
import { maxDescriptionLength, maxIdLength, maxReasonLength, maxTitleLength } from '../limits';
import * as vocabulary from '../vocabulary';
import type { NeedCommand, PostNeed, ReviseNeed, WithdrawNeed } from './commands';
import type { NeedEvent, NeedRevised } from './events';
import { needStatusOf, type Need, type NeedState } from './state';

export function decideNeed(command: NeedCommand, state: NeedState): NeedEvent[] {
  if (command.type === 'PostNeed') return post(command, state);
  const need = existing(state, command.data.needId);
  switch (command.type) {
    case 'ReviseNeed':
      return revise(command, need);
    case 'WithdrawNeed':
      return withdraw(command, need);
    case 'ReserveNeedCapacity': {
      const { allocationId } = command.data;
      assertOpen(need);
      const amount = quantityOf(command.data.amount, { field: 'amount' });
      if (!canReserve(need, allocationId, amount)) return [];
      const status = statusAfter(need, withReservation(need, allocationId, amount));
      return [{ type: 'NeedCapacityReserved', data: { needId: need.id, allocationId, amount, status } }];
    }
    case 'ReleaseNeedCapacity': {
      const { allocationId } = command.data;
      const released = releasableOf(need, allocationId);
      if (!released) return [];
      const status = statusAfter(need, withRelease(need, allocationId, released));
      return [{ type: 'NeedCapacityReleased', data: { needId: need.id, allocationId, released, status } }];
    }
    case 'RecordNeedDelivery': {
      const { allocationId, deliveryId } = command.data;
      const amount = quantityOf(command.data.amount, { field: 'amount' });
      if (!canRecordDelivery(need, allocationId, deliveryId, amount)) return [];
      const status = statusAfter(need, withDelivery(need, allocationId, deliveryId, amount));
      return [{ type: 'NeedDeliveryConfirmed', data: { needId: need.id, allocationId, deliveryId, amount, status } }];
    }
    default:
      return unhandled(command);
  }
}

function post({ data, metadata }: PostNeed, state: NeedState): NeedEvent[] {
  if (state) throw new DomainError('ALREADY_EXISTS', `need ${data.needId} already exists`, 'needId');
  const requesterId = vocabulary.participantId(data.requesterId, 'requesterId');
  assertActsFor(metadata.actor, requesterId);
  const assistanceType = vocabulary.oneOf(vocabulary.assistanceTypes, data.assistanceType, 'assistanceType');
  const quantity = quantityOf(data.quantity);
  assertUnitSuits(assistanceType, quantity);
  const category = vocabulary.category(data.category);
  const description = vocabulary.optionalText(data.description, 'description', maxDescriptionLength);
  const neededBy = optionalIsoDateOf(data.neededBy, 'neededBy');
  const location = vocabulary.optionalText(data.location, 'location', maxTitleLength);
  return [
    {
      type: 'NeedPosted',
      data: {
        needId: vocabulary.text(data.needId, 'needId', maxIdLength),
        requesterId,
        pillar: vocabulary.oneOf(vocabulary.pillars, data.pillar, 'pillar'),
        assistanceType,
        ...(category && { category }),
        title: vocabulary.text(data.title, 'title', maxTitleLength),
        ...(description && { description }),
        quantity,
        priority: vocabulary.oneOf(vocabulary.priorities, data.priority, 'priority'),
        ...(neededBy && { neededBy }),
        ...(location && { location }),
        postedAt: metadata.now,
      },
    },
  ];
}

function revise({ data, metadata }: ReviseNeed, need: Need): NeedEvent[] {
  assertActsFor(metadata.actor, need.requesterId);
  assertOpen(need);
  const changes: { -readonly [K in keyof NeedRevised['data']]?: NeedRevised['data'][K] } = {};
  if (data.quantity !== undefined) {
    const quantity = quantityOf(data.quantity);
    assertSameUnit(need.quantity, quantity, 'quantity.unit');
    if (exceeds(need.allocated, quantity)) {
      throw new DomainError(
        'BELOW_ALLOCATED',
        `${need.allocated.amount} ${quantity.unit} is already allocated`,
        'quantity',
      );
    }
    if (quantity.amount !== need.quantity.amount) changes.quantity = quantity;
  }
  if (data.priority !== undefined && data.priority !== need.priority) {
    changes.priority = vocabulary.oneOf(vocabulary.priorities, data.priority, 'priority');
  }
  if (data.neededBy !== undefined && data.neededBy !== need.neededBy) {
    changes.neededBy = optionalIsoDateOf(data.neededBy, 'neededBy');
  }
  if (data.description !== undefined && data.description !== need.description) {
    changes.description = vocabulary.text(data.description, 'description', maxDescriptionLength);
  }
  if (Object.keys(changes).length === 0) return [];
  const status = statusAfter(need, { ...need, quantity: changes.quantity ?? need.quantity });
  return [{ type: 'NeedRevised', data: { needId: need.id, ...changes, status } }];
}

function withdraw({ data, metadata }: WithdrawNeed, need: Need): NeedEvent[] {
  assertActsFor(metadata.actor, need.requesterId);
  if (need.status === 'withdrawn') return [];
  if (need.status === 'fulfilled') throw new DomainError('INVALID_TRANSITION', `need ${need.id} is already fulfilled`);
  const openAllocationIds = Object.keys(need.reservations).filter((id) => releasableOf(need, id) !== undefined);
  return [
    {
      type: 'NeedWithdrawn',
      data: { needId: need.id, reason: vocabulary.text(data.reason, 'reason', maxReasonLength), openAllocationIds },
    },
  ];
}

function existing(state: NeedState, needId: string): Need {
  if (!state) throw new DomainError('NOT_FOUND', `need ${needId} does not exist`, 'needId');
  return state;
}

function assertOpen(need: Need): void {
  if (need.status === 'withdrawn' || need.status === 'fulfilled') {
    throw new DomainError('NEED_NOT_OPEN', `need ${need.id} is ${need.status}`);
  }
}

const statusAfter = (need: Need, next: Capacity) => needStatusOf(next, need.status === 'withdrawn');
