import { assertActsFor } from '../actor';
import {
  assertUnitSuits,
  canRecordDelivery,
  canReserve,
  releasableOf,
  remainingOf,
  withDelivery,
  withRelease,
  withReservation,
  type Capacity,
} from '../capacity';
import { hasLapsed, notInFuture, optionalIsoDateOf } from '../dates';
import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { assertSameUnit, exceeds, quantityOf } from '../quantity/quantity';
import { maxDescriptionLength, maxIdLength, maxReasonLength } from '../limits';
import * as vocabulary from '../vocabulary';
import type { ExpirePledge, PledgeCommand, RevisePledge, SubmitPledge, WithdrawPledge } from './commands';
import type { PledgeEvent, PledgeRevised } from './events';
import { pledgeStatusOf, type Pledge, type PledgeState } from './state';

export function decidePledge(command: PledgeCommand, state: PledgeState): PledgeEvent[] {
  if (command.type === 'SubmitPledge') return submit(command, state);
  const pledge = existing(state, command.data.pledgeId);
  switch (command.type) {
    case 'RevisePledge':
      return revise(command, pledge);
    case 'WithdrawPledge':
      return withdraw(command, pledge);
    case 'ExpirePledge':
      return expire(command, pledge);
    case 'ReservePledgeCapacity': {
      const { allocationId } = command.data;
      assertOpen(pledge, command.metadata.now);
      const amount = quantityOf(command.data.amount, { field: 'amount' });
      if (!canReserve(pledge, allocationId, amount)) return [];
      const status = statusAfter(pledge, withReservation(pledge, allocationId, amount));
      return [{ type: 'PledgeCapacityReserved', data: { pledgeId: pledge.id, allocationId, amount, status } }];
    }
    case 'ReleasePledgeCapacity': {
      const { allocationId } = command.data;
      const released = releasableOf(pledge, allocationId);
      if (!released) return [];
      const status = statusAfter(pledge, withRelease(pledge, allocationId, released));
      return [{ type: 'PledgeCapacityReleased', data: { pledgeId: pledge.id, allocationId, released, status } }];
    }
    case 'RecordPledgeDelivery': {
      const { allocationId, deliveryId } = command.data;
      const amount = quantityOf(command.data.amount, { field: 'amount' });
      if (!canRecordDelivery(pledge, allocationId, deliveryId, amount)) return [];
      const status = statusAfter(pledge, withDelivery(pledge, allocationId, deliveryId, amount));
      const data = { pledgeId: pledge.id, allocationId, deliveryId, amount, status };
      return [{ type: 'PledgeDeliveryConfirmed', data }];
    }
    default:
      return unhandled(command);
  }
}

function submit({ data, metadata }: SubmitPledge, state: PledgeState): PledgeEvent[] {
  if (state) throw new DomainError('ALREADY_EXISTS', `pledge ${data.pledgeId} already exists`, 'pledgeId');
  const donorId = vocabulary.participantId(data.donorId, 'donorId');
  assertActsFor(metadata.actor, donorId);
  const assistanceType = vocabulary.oneOf(vocabulary.assistanceTypes, data.assistanceType, 'assistanceType');
  const quantity = quantityOf(data.quantity);
  assertUnitSuits(assistanceType, quantity);
  const category = vocabulary.category(data.category);
  const recipientId =
    data.recipientId === undefined ? undefined : vocabulary.participantId(data.recipientId, 'recipientId');
  const pledgedOn = data.pledgedOn === undefined ? undefined : notInFuture(data.pledgedOn, 'pledgedOn', metadata.now);
  const validUntil = optionalIsoDateOf(data.validUntil, 'validUntil');
  const conditions = vocabulary.optionalText(data.conditions, 'conditions', maxDescriptionLength);
  return [
    {
      type: 'PledgeSubmitted',
      data: {
        pledgeId: vocabulary.text(data.pledgeId, 'pledgeId', maxIdLength),
        donorId,
        assistanceType,
        pillars: pillarsOf(data.pillars),
        ...(category && { category }),
        quantity,
        ...(recipientId && { recipientId }),
        ...(pledgedOn && { pledgedOn }),
        ...(validUntil && { validUntil }),
        ...(conditions && { conditions }),
        submittedAt: metadata.now,
      },
    },
  ];
}

function pillarsOf(value: unknown): vocabulary.Pillar[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DomainError('INVALID_FIELD', 'a pledge accepts one or more pillars', 'pillars');
  }
  const pillars = value.map((pillar) => vocabulary.oneOf(vocabulary.pillars, pillar, 'pillars'));
  if (new Set(pillars).size !== pillars.length) {
    throw new DomainError('INVALID_FIELD', 'pillars must not repeat', 'pillars');
  }
  return pillars;
}

function revise({ data, metadata }: RevisePledge, pledge: Pledge): PledgeEvent[] {
  assertActsFor(metadata.actor, pledge.donorId);
  assertOpen(pledge);
  const changes: { -readonly [K in keyof PledgeRevised['data']]?: PledgeRevised['data'][K] } = {};
  if (data.quantity !== undefined) {
    const quantity = quantityOf(data.quantity);
    assertSameUnit(pledge.quantity, quantity, 'quantity.unit');
    if (exceeds(pledge.allocated, quantity)) {
      const detail = `${pledge.allocated.amount} ${quantity.unit} is already allocated`;
      throw new DomainError('BELOW_ALLOCATED', detail, 'quantity');
    }
    if (quantity.amount !== pledge.quantity.amount) changes.quantity = quantity;
  }
  if (data.validUntil !== undefined && data.validUntil !== pledge.validUntil) {
    changes.validUntil = optionalIsoDateOf(data.validUntil, 'validUntil');
  }
  if (data.conditions !== undefined && data.conditions !== pledge.conditions) {
    changes.conditions = vocabulary.text(data.conditions, 'conditions', maxDescriptionLength);
  }
  if (Object.keys(changes).length === 0) return [];
  const status = statusAfter(pledge, { ...pledge, quantity: changes.quantity ?? pledge.quantity });
  return [{ type: 'PledgeRevised', data: { pledgeId: pledge.id, ...changes, status } }];
}

function withdraw({ data, metadata }: WithdrawPledge, pledge: Pledge): PledgeEvent[] {
  assertActsFor(metadata.actor, pledge.donorId);
  if (pledge.status === 'withdrawn') return [];
  assertOpen(pledge);
  const reason = vocabulary.text(data.reason, 'reason', maxReasonLength);
  const openAllocationIds = Object.keys(pledge.reservations).filter((id) => releasableOf(pledge, id) !== undefined);
  const released = remainingOf(pledge);
  return [{ type: 'PledgeWithdrawn', data: { pledgeId: pledge.id, reason, released, openAllocationIds } }];
}

function expire({ metadata }: ExpirePledge, pledge: Pledge): PledgeEvent[] {
  if (pledge.status === 'expired') return [];
  if (pledge.status === 'withdrawn' || pledge.status === 'fulfilled') {
    throw new DomainError('INVALID_TRANSITION', `pledge ${pledge.id} is ${pledge.status}`);
  }
  if (pledge.validUntil === undefined || !hasLapsed(pledge.validUntil, metadata.now)) {
    const until = pledge.validUntil === undefined ? 'has no validUntil' : `is valid until ${pledge.validUntil}`;
    throw new DomainError('INVALID_TRANSITION', `pledge ${pledge.id} ${until}`);
  }
  const data = { pledgeId: pledge.id, expiredAt: metadata.now, released: remainingOf(pledge) };
  return [{ type: 'PledgeExpired', data }];
}

function existing(state: PledgeState, pledgeId: string): Pledge {
  if (!state) throw new DomainError('NOT_FOUND', `pledge ${pledgeId} does not exist`, 'pledgeId');
  return state;
}

/** Without `now`, checks the recorded status only (a revision may extend validUntil of a lapsed pledge). */
function assertOpen(pledge: Pledge, now?: string): void {
  if (pledge.status === 'withdrawn' || pledge.status === 'expired' || pledge.status === 'fulfilled') {
    throw new DomainError('PLEDGE_NOT_OPEN', `pledge ${pledge.id} is ${pledge.status}`);
  }
  if (now !== undefined && pledge.validUntil !== undefined && hasLapsed(pledge.validUntil, now)) {
    throw new DomainError('PLEDGE_NOT_OPEN', `pledge ${pledge.id} was valid until ${pledge.validUntil}`);
  }
}

const statusAfter = (pledge: Pledge, next: Capacity) => pledgeStatusOf(next, pledge.status);
