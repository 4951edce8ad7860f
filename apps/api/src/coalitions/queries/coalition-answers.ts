import type { Quantity } from '@cm/domain';
import type { CoalitionPipeline, CoalitionView } from '@cm/read-models';
import { quantityAnswer } from '../../queries/record-shapes';

/** The coalition as the api shows it: its terms, status, current members and every membership with its dates. */
export const coalitionRecord = ({ _id, ...coalition }: CoalitionView) => coalition;

const isQuantity = (value: unknown): value is Quantity =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 2 &&
  typeof (value as Quantity).amount === 'string' &&
  typeof (value as Quantity).unit === 'string';

/** Record quantities become `{amount: number, unit}` as everywhere in the api; sums by unit stay exact strings. */
function answerOf(value: unknown): unknown {
  if (isQuantity(value)) return quantityAnswer(value);
  if (Array.isArray(value)) return value.map(answerOf);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, answerOf(inner)]));
  }
  return value;
}

export const pipelineAnswer = (pipeline: CoalitionPipeline) => answerOf(pipeline);

export const coalitionExample = {
  id: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
  name: 'Lao PDR country coalition',
  affectedStateId: 'LAO',
  leadPartnerId: 'NOR',
  nationalPlan: 'NRA Safe Path Forward III 2021-2030',
  formedAt: '2026-03-01T10:00:00.000Z',
  status: 'active',
  memberIds: ['LAO', 'NOR', 'DEU'],
  memberships: [
    { participantId: 'LAO', role: 'affected_state', since: '2026-03-01T10:00:00.000Z' },
    { participantId: 'NOR', role: 'lead_partner', since: '2026-03-01T10:00:00.000Z' },
    { participantId: 'DEU', role: 'supporting_partner', since: '2026-03-02T09:00:00.000Z' },
  ],
  version: 2,
  updatedAt: '2026-03-02T09:00:00.000Z',
};

export const pipelineExample = {
  coalitionId: coalitionExample.id,
  affectedStateId: 'LAO',
  status: 'active',
  members: [
    {
      participantId: 'LAO',
      role: 'affected_state',
      pledges: [],
      allocations: 0,
      usd: { allocated: '0.00', delivered: '0.00' },
    },
    {
      participantId: 'NOR',
      role: 'lead_partner',
      pledges: [
        {
          id: '0194f5a3-1111-7b3a-9d2f-1a2b3c4d5e6f',
          status: 'partially_allocated',
          quantity: { amount: 500000, unit: 'USD' },
          allocated: { amount: 300000, unit: 'USD' },
          delivered: { amount: 100000, unit: 'USD' },
          remaining: { amount: 200000, unit: 'USD' },
        },
      ],
      allocations: 1,
      usd: { allocated: '300000.00', delivered: '100000.00' },
    },
  ],
  pillars: [
    {
      pillar: 'clearance',
      needs: 1,
      requested: { USD: '1000000.00' },
      allocated: { USD: '300000.00' },
      delivered: { USD: '100000.00' },
      unmet: { USD: '700000.00' },
      usd: {
        requested: '1000000.00',
        allocated: '300000.00',
        allocatedByMembers: '300000.00',
        delivered: '100000.00',
        unmet: '700000.00',
      },
    },
  ],
  needs: [
    {
      id: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
      title: 'Technical survey of Xieng Khouang',
      pillar: 'clearance',
      assistanceType: 'financial',
      priority: 'high',
      status: 'partially_delivered',
      quantity: { amount: 1000000, unit: 'USD' },
      allocated: { amount: 300000, unit: 'USD' },
      delivered: { amount: 100000, unit: 'USD' },
      allocatedByMembers: { amount: 300000, unit: 'USD' },
      deliveredByMembers: { amount: 100000, unit: 'USD' },
      unmet: { amount: 700000, unit: 'USD' },
      allocations: [
        {
          id: '0194f5a4-2222-7b3a-9d2f-1a2b3c4d5e6f',
          pledgeId: '0194f5a3-1111-7b3a-9d2f-1a2b3c4d5e6f',
          donorId: 'NOR',
          status: 'partially_delivered',
          amount: { amount: 300000, unit: 'USD' },
          needAmount: { amount: 300000, unit: 'USD' },
          confirmedNeedAmount: { amount: 100000, unit: 'USD' },
          deliveries: [
            { id: 'd-1', amount: { amount: 100000, unit: 'USD' }, deliveredOn: '2026-03-10', status: 'confirmed' },
          ],
        },
      ],
    },
  ],
  unmet: [
    {
      needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
      pillar: 'clearance',
      priority: 'high',
      unmet: { amount: 700000, unit: 'USD' },
      usd: '700000.00',
    },
  ],
};
