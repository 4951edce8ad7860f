import { PortfolioFilters, PortfolioPlan, RankedCandidate } from '@cm/matching';
import { NeedMatches, PledgeMatches } from '@cm/application';
import { quantityAnswer } from '../queries/record-shapes';

/** What a candidate says in either direction: its score, every reason, and what one allocation could carry. */
const candidateAnswer = (candidate: RankedCandidate) => ({
  score: candidate.score,
  reasons: candidate.reasons,
  amount: quantityAnswer(candidate.amount),
  needAmount: quantityAnswer(candidate.needAmount),
  ...(candidate.conversion && { conversion: candidate.conversion }),
});

export const needMatchesAnswer = ({ need, candidates }: NeedMatches) => ({
  need: { id: need.id, status: need.status, priority: need.priority, remaining: quantityAnswer(need.remaining) },
  items: candidates.map(({ candidate, pledge }) => ({
    pledgeId: pledge.id,
    donorId: pledge.donorId,
    ...(pledge.recipientId !== undefined && { recipientId: pledge.recipientId }),
    pledgeRemaining: quantityAnswer(pledge.remaining),
    ...candidateAnswer(candidate),
  })),
});

export const pledgeMatchesAnswer = ({ pledge, candidates }: PledgeMatches) => ({
  pledge: {
    id: pledge.id,
    status: pledge.status,
    ...(pledge.recipientId !== undefined && { recipientId: pledge.recipientId }),
    remaining: quantityAnswer(pledge.remaining),
  },
  items: candidates.map(({ candidate, need }) => ({
    needId: need.id,
    requesterId: need.requesterId,
    pillar: need.pillar,
    priority: need.priority,
    ...(need.neededBy !== undefined && { neededBy: need.neededBy }),
    needRemaining: quantityAnswer(need.remaining),
    ...candidateAnswer(candidate),
  })),
});

export const planAnswer = (filters: PortfolioFilters, plan: PortfolioPlan, asOf: string) => ({
  filters,
  asOf,
  allocations: plan.allocations.map((allocation) => ({
    needId: allocation.needId,
    pledgeId: allocation.pledgeId,
    amountInPledgeUnit: quantityAnswer(allocation.amountInPledgeUnit),
    amountInNeedUnit: quantityAnswer(allocation.amountInNeedUnit),
    ...(allocation.valueUsd && { valueUsd: quantityAnswer(allocation.valueUsd) }),
    ...(allocation.conversion && { conversion: allocation.conversion }),
  })),
  objective: plan.objective,
  objectiveByValueUnit: plan.objectiveByValueUnit,
  coverageByPriority: Object.fromEntries(
    Object.entries(plan.coverageByPriority).map(([priority, byUnit]) => [
      priority,
      Object.fromEntries(
        Object.entries(byUnit).map(([unit, { requested, planned }]) => [
          unit,
          { requested: quantityAnswer(requested), planned: quantityAnswer(planned) },
        ]),
      ),
    ]),
  ),
  unmetNeeds: plan.unmetNeeds.map(({ needId, unmet }) => ({ needId, unmet: quantityAnswer(unmet) })),
});

/** Shown in the OpenAPI document. */
export const needMatchesExample = {
  need: {
    id: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
    status: 'open',
    priority: 'critical',
    remaining: { amount: 120, unit: 'items' },
  },
  items: [
    {
      pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
      donorId: 'USA',
      pledgeRemaining: { amount: 80, unit: 'items' },
      score: 68.33,
      reasons: [
        { component: 'priority', value: 1, weight: 30, detail: 'need priority critical' },
        { component: 'coverable_share', value: 0.666667, weight: 25, detail: 'covers 66.7 % of the 120.00 items left' },
        { component: 'urgency', value: 0, weight: 15, detail: 'no date set for when the need must be met' },
        { component: 'targeted', value: 0, weight: 10, detail: 'the pledge is open to any recipient' },
        { component: 'former_user_link', value: 1, weight: 10, detail: 'Art. 4(4): USA used cluster munitions in LAO' },
        { component: 'prior_deliveries', value: 0, weight: 10, detail: '0 confirmed deliveries from USA to LAO' },
      ],
      amount: { amount: 80, unit: 'items' },
      needAmount: { amount: 80, unit: 'items' },
    },
  ],
};

export const planExample = {
  filters: { pillar: 'clearance', recipientId: 'LAO' },
  asOf: '2026-03-01T09:30:00.000Z',
  allocations: [
    {
      needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
      pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
      amountInPledgeUnit: { amount: 250000, unit: 'USD' },
      amountInNeedUnit: { amount: 250000, unit: 'USD' },
      valueUsd: { amount: 250000, unit: 'USD' },
    },
  ],
  objective: 1700000000,
  objectiveByValueUnit: { USD: 1700000000 },
  coverageByPriority: {
    critical: { USD: { requested: { amount: 250000, unit: 'USD' }, planned: { amount: 250000, unit: 'USD' } } },
    high: {},
    medium: {},
    low: {},
  },
  unmetNeeds: [],
};
