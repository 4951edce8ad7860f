import { assertActsFor } from '../actor';
import { notInFuture } from '../dates';
import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { convert } from '../fx/convert';
import { assertSameUnit, isZero, quantityOf } from '../quantity/quantity';
import { maxIdLength, maxReasonLength } from '../limits';
import * as vocabulary from '../vocabulary';
import type { AllocationCommand, RequestAllocation } from './commands';
import { compatibilityOf } from './compatibility';
import { decideDelivery } from './deliveries';
import { decideDispute } from './disputes';
import type { AllocationEvent } from './events';
import { assertStatus, type Allocation, type AllocationState } from './state';

export function decideAllocation(command: AllocationCommand, state: AllocationState): AllocationEvent[] {
  if (command.type === 'RequestAllocation') return request(command, state);
  const allocation = existing(state, command.data.allocationId);
  const sides = { allocationId: allocation.id, pledgeId: allocation.pledgeId, needId: allocation.needId };
  const { actor } = command.metadata;
  switch (command.type) {
    case 'ConfirmAllocationReservation':
      if (allocation.status === 'proposed') return [];
      assertStatus(allocation, ['pending']);
      return [{ type: 'AllocationProposed', data: sides }];
    case 'RejectAllocation': {
      if (allocation.status === 'rejected') return [];
      assertStatus(allocation, ['pending']);
      const { code, detail } = command.data;
      return [{ type: 'AllocationRejected', data: { ...sides, code, detail } }];
    }
    case 'AcceptAllocation':
      assertActsFor(actor, allocation.recipientId);
      assertStatus(allocation, ['proposed']);
      return [{ type: 'AllocationAccepted', data: sides }];
    case 'DeclineAllocation': {
      assertActsFor(actor, allocation.recipientId);
      assertStatus(allocation, ['proposed']);
      const reason = vocabulary.optionalText(command.data.reason, 'reason', maxReasonLength);
      return [{ type: 'AllocationDeclined', data: { ...sides, ...(reason && { reason }) } }];
    }
    case 'CancelAllocation': {
      assertActsFor(actor, allocation.donorId);
      assertStatus(allocation, ['proposed', 'accepted', 'partially_delivered']);
      const reason = vocabulary.text(command.data.reason, 'reason', maxReasonLength);
      const { confirmed, confirmedNeedAmount } = allocation;
      return [{ type: 'AllocationCancelled', data: { ...sides, reason, confirmed, confirmedNeedAmount } }];
    }
    case 'RecordDelivery':
    case 'ConfirmDelivery':
    case 'DisputeDelivery':
      return decideDelivery(command, allocation, sides);
    case 'CorrectDelivery':
    case 'WithdrawDelivery':
    case 'WithdrawDeliveryDispute':
      return decideDispute(command, allocation, sides);
    default:
      return unhandled(command);
  }
}

function request({ data, metadata }: RequestAllocation, state: AllocationState): AllocationEvent[] {
  if (state) throw new DomainError('ALREADY_EXISTS', `allocation ${data.allocationId} already exists`, 'allocationId');
  const { pledge, need } = data;
  assertActsFor(metadata.actor, pledge.donorId);
  const amount = quantityOf(data.amount, { field: 'amount' });
  assertSameUnit({ amount: '0', unit: pledge.unit }, amount, 'amount.unit');
  const committedOn =
    data.committedOn === undefined ? undefined : notInFuture(data.committedOn, 'committedOn', metadata.now);
  const compatibility = compatibilityOf(pledge, need);
  if (!compatibility.compatible) {
    const detail = compatibility.incompatibilities.map((failure) => `${failure.reason}: ${failure.detail}`).join('; ');
    throw new DomainError('INCOMPATIBLE', detail);
  }
  const conversion = compatibility.needsConversion
    ? convert(amount, need.unit, committedOn ?? metadata.now)
    : undefined;
  const needAmount = conversion?.quantity ?? amount;
  if (isZero(needAmount)) {
    throw new DomainError('INVALID_AMOUNT', `${amount.amount} ${amount.unit} is less than one ${need.unit} minor unit`);
  }
  const exchangeRate = conversion && (({ quantity: _converted, ...rate }) => rate)(conversion);
  return [
    {
      type: 'AllocationRequested',
      data: {
        allocationId: vocabulary.text(data.allocationId, 'allocationId', maxIdLength),
        pledgeId: pledge.pledgeId,
        needId: need.needId,
        donorId: pledge.donorId,
        recipientId: need.requesterId,
        assistanceType: need.assistanceType,
        pillar: need.pillar,
        ...(need.category !== undefined && { category: need.category }),
        amount,
        needAmount,
        ...(exchangeRate && { exchangeRate }),
        ...(committedOn && { committedOn }),
        requestedAt: metadata.now,
      },
    },
  ];
}

function existing(state: AllocationState, allocationId: string): Allocation {
  if (!state) throw new DomainError('NOT_FOUND', `allocation ${allocationId} does not exist`, 'allocationId');
  return state;
}
