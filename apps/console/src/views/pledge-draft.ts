import { api } from '../api/client';
import type { Pledge } from '../api/types';

/** The pledge form's fields, as typed (an amount may be an empty string until it is filled). */
export interface Draft {
  assistanceType: string;
  pillars: string[];
  category: string;
  amount: number | string;
  unit: string;
  recipientId: string;
  validUntil: string;
}

export const blank: Draft = {
  assistanceType: 'financial',
  pillars: ['clearance'],
  category: '',
  amount: '',
  unit: 'USD',
  recipientId: '',
  validUntil: '',
};

/** The form filled from a pledge, to revise it. */
export function draftOf(pledge: Pledge): Draft {
  return {
    ...blank,
    ...pledge,
    category: pledge.category ?? '',
    recipientId: pledge.recipientId ?? '',
    amount: pledge.quantity.amount,
    unit: pledge.quantity.unit,
    validUntil: pledge.validUntil ?? '',
  };
}

/** Submits a new pledge of `donorId`, or revises `pledge` (only its quantity and validity can change). */
export function savePledge(donorId: string, draft: Draft, pledge?: Pledge) {
  const quantity = { amount: Number(draft.amount), unit: draft.unit };
  if (pledge)
    return api(`/pledges/${pledge.id}`, {
      method: 'PATCH',
      body: { quantity, ...(draft.validUntil && { validUntil: draft.validUntil }) },
    });
  return api('/pledges', {
    method: 'POST',
    body: {
      donorId,
      assistanceType: draft.assistanceType,
      pillars: draft.pillars,
      quantity,
      ...(draft.category && { category: draft.category }),
      ...(draft.recipientId && { recipientId: draft.recipientId }),
      ...(draft.validUntil && { validUntil: draft.validUntil }),
    },
  });
}
