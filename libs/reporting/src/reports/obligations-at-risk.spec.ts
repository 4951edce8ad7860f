import type { Participant } from '@cm/domain';
import { obligationsAtRisk, type ObligationNeed } from './obligations-at-risk';

const source = 'test';
const lao: Participant = {
  id: 'LAO',
  name: 'Lao PDR',
  kind: 'state',
  usedClusterMunitionsIn: [],
  treaty: {
    actions: [{ action: 'ratification', on: '2009-03-18', source }],
    extensionRequests: [{ article: 'article4', requestedOn: '2019-03-01', requestedUntil: '2025-08-01' }],
    extensionDecisions: [
      { article: 'article4', decidedOn: '2019-09-04', meeting: 'MSP (illustrative)', grantedUntil: '2025-08-01' },
    ],
  },
};
const lithuania: Participant = {
  id: 'LTU',
  name: 'Lithuania',
  kind: 'state',
  usedClusterMunitionsIn: [],
  treaty: {
    actions: [
      { action: 'ratification', on: '2011-03-24', source },
      { action: 'withdrawal', on: '2025-03-06', source },
    ],
    extensionRequests: [],
    extensionDecisions: [],
  },
};
const money = (amount: string, unit: string) => ({ amount, unit });
const need = (fields: Partial<ObligationNeed> & Pick<ObligationNeed, 'id'>): ObligationNeed => ({
  requesterId: 'LAO',
  pillar: 'clearance',
  quantity: money('1000000.00', 'USD'),
  allocated: money('0.00', 'USD'),
  status: 'open',
  ...fields,
});

describe('obligationsAtRisk', () => {
  const needs = [
    need({ id: 'n1', allocated: money('250000.00', 'USD'), status: 'partially_allocated' }),
    need({ id: 'n2', pillar: 'risk_education', quantity: money('100000.00', 'EUR'), allocated: money('0.00', 'EUR') }),
    need({ id: 'n3', quantity: money('40.00', 'items'), allocated: money('0.00', 'items') }),
    need({ id: 'n4', allocated: money('1000000.00', 'USD'), status: 'allocated' }),
    need({ id: 'n5', status: 'withdrawn' }),
    need({ id: 'n6', pillar: 'victim_assistance' }),
  ];
  // Hypothetical: a Lithuanian clearance need, to show a passed deadline and the effect of the withdrawal.
  const lithuanianNeed = [need({ id: 'n7', requesterId: 'LTU' })];

  it('lists the extended Lao Art. 4 deadline with the uncovered part of its linked needs in USD', () => {
    // EUR 100,000 at the 2025 annual average (ECB; the Fed's 2025 is not in the pinned package): 1.127771402.
    const rows = obligationsAtRisk([lao, lithuania], needs, { asOf: '2025-01-15', horizonMonths: 12 });
    expect(rows).toEqual([
      {
        participantId: 'LAO',
        name: 'Lao PDR',
        article: 'article4',
        deadline: '2025-08-01',
        originalDeadline: '2020-08-01',
        extended: true,
        daysLeft: 198,
        pendingExtensionUntil: null,
        needIds: ['n1', 'n2', 'n3'],
        shortfall: {
          byUnit: { EUR: '100000.00', USD: '750000.00', items: '40.00' },
          usd: '862777.14',
          withoutUsd: 1,
          rateYear: 2025,
        },
      },
    ]);
  });

  it('keeps passed deadlines, and leaves out later ones, States that withdrew, and covered obligations', () => {
    expect(obligationsAtRisk([lao, lithuania], needs, { asOf: '2024-01-01', horizonMonths: 6 })).toEqual([]);
    const bound = obligationsAtRisk([lithuania], lithuanianNeed, { asOf: '2021-01-01', horizonMonths: 12 });
    expect(bound.map((row) => [row.article, row.deadline, row.daysLeft])).toEqual([['article4', '2021-09-01', 243]]);
    const passed = obligationsAtRisk([lithuania], lithuanianNeed, { asOf: '2025-01-15', horizonMonths: 1 });
    expect(passed.map((row) => row.daysLeft)).toEqual([-1232]);
    expect(obligationsAtRisk([lithuania], lithuanianNeed, { asOf: '2025-03-06', horizonMonths: 120 })).toEqual([]);
    const covered = needs.filter((n) => n.id === 'n4');
    expect(obligationsAtRisk([lao], covered, { asOf: '2025-01-15', horizonMonths: 12 })).toEqual([]);
  });
});
