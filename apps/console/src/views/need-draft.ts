import { api } from '../api/client';
import type { Need } from '../api/types';

/** The need form's fields, as typed (an amount may be an empty string until it is filled). */
export interface Draft {
  title: string;
  pillar: string;
  assistanceType: string;
  category: string;
  amount: number | string;
  unit: string;
  priority: string;
  neededBy: string;
}

export const blank: Draft = {
  title: '',
  pillar: 'clearance',
  assistanceType: 'financial',
  category: '',
  amount: '',
  unit: 'USD',
  priority: 'high',
  neededBy: '',
};

/** The form filled from a need, to revise it. */
export function draftOf(need: Need): Draft {
  return {
    ...blank,
    ...need,
    category: need.category ?? '',
    amount: need.quantity.amount,
    unit: need.quantity.unit,
    neededBy: need.neededBy ?? '',
  };
}

/** Posts a new need of `requesterId`, or revises `need` (its quantity, priority and date). */
export function saveNeed(requesterId: string, draft: Draft, need?: Need) {
  const quantity = { amount: Number(draft.amount), unit: draft.unit };
  if (need)
    return api(`/needs/${need.id}`, {
      method: 'PATCH',
      body: { quantity, priority: draft.priority, ...(draft.neededBy && { neededBy: draft.neededBy }) },
    });
  return api('/needs', {
    method: 'POST',
    body: {
      requesterId,
      title: draft.title,
      pillar: draft.pillar,
      assistanceType: draft.assistanceType,
      quantity,
      priority: draft.priority,
      ...(draft.category && { category: draft.category }),
      ...(draft.neededBy && { neededBy: draft.neededBy }),
    },
  });
}
