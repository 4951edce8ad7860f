import type { ReportAllocation, ReportParticipant, ReportPledge } from './report-input';

const money = (amount: string, unit: string) => ({ amount, unit });

/**
 * Three donors, four currencies and goods over 2022–2025. Effective dates differ from recording dates on purpose
 * (P1 pledged 2023, recorded 2025; P2 recorded 23:30 UTC on 31 December), and one allocation's deliveries fall in a
 * later year than its commitment, so a report that takes the wrong date or year takes the wrong rate.
 */
export const pledges: ReportPledge[] = [
  {
    id: 'P1',
    donorId: 'NOR',
    assistanceType: 'financial',
    pillars: ['clearance'],
    quantity: money('1000000.10', 'EUR'),
    allocated: money('0.30', 'EUR'),
    recipientId: 'LAO',
    pledgedOn: '2023-06-01',
    submittedAt: '2025-01-05T09:00:00Z',
    status: 'partially_allocated',
  },
  {
    id: 'P2',
    donorId: 'NOR',
    assistanceType: 'financial',
    pillars: ['risk_education', 'victim_assistance'],
    quantity: money('5000000', 'JPY'),
    allocated: money('1000000', 'JPY'),
    submittedAt: '2024-12-31T23:30:00Z',
    status: 'partially_allocated',
  },
  {
    id: 'P3',
    donorId: 'DEU',
    assistanceType: 'material',
    pillars: ['clearance'],
    category: 'metal_detectors',
    quantity: money('40.00', 'items'),
    allocated: money('10.00', 'items'),
    pledgedOn: '2024-02-01',
    submittedAt: '2024-02-01T10:00:00Z',
    status: 'partially_allocated',
  },
  {
    id: 'P4',
    donorId: 'USA',
    assistanceType: 'financial',
    pillars: ['clearance'],
    quantity: money('100.00', 'USD'),
    allocated: money('0.20', 'USD'),
    recipientId: 'LAO',
    pledgedOn: '2022-03-03',
    submittedAt: '2022-03-03T10:00:00Z',
    status: 'withdrawn',
  },
];

const base = { assistanceType: 'financial', needId: 'n', deliveries: {} };

export const allocations: ReportAllocation[] = [
  {
    ...base,
    id: 'A1',
    pledgeId: 'P1',
    donorId: 'NOR',
    recipientId: 'LAO',
    pillar: 'clearance',
    amount: money('0.10', 'EUR'),
    confirmed: money('0.10', 'EUR'),
    committedOn: '2023-07-01',
    requestedAt: '2025-01-06T10:00:00Z',
    status: 'completed',
    deliveries: { d1: { id: 'd1', amount: money('0.10', 'EUR'), deliveredOn: '2024-01-15', status: 'confirmed' } },
  },
  {
    ...base,
    id: 'A2',
    pledgeId: 'P1',
    donorId: 'NOR',
    recipientId: 'LAO',
    pillar: 'clearance',
    amount: money('0.20', 'EUR'),
    confirmed: money('0.00', 'EUR'),
    committedOn: '2024-03-01',
    requestedAt: '2025-01-06T10:00:00Z',
    status: 'accepted',
    deliveries: { d2: { id: 'd2', amount: money('0.20', 'EUR'), deliveredOn: '2024-05-01', status: 'recorded' } },
  },
  {
    ...base,
    id: 'A3',
    pledgeId: 'P2',
    donorId: 'NOR',
    recipientId: 'VNM',
    pillar: 'victim_assistance',
    amount: money('1000000', 'JPY'),
    confirmed: money('1000000', 'JPY'),
    committedOn: '2024-06-01',
    requestedAt: '2025-01-06T10:00:00Z',
    status: 'completed',
    deliveries: {
      d3: { id: 'd3', amount: money('600000', 'JPY'), deliveredOn: '2024-07-01', status: 'confirmed' },
      d4: { id: 'd4', amount: money('400000', 'JPY'), deliveredOn: '2025-01-10', status: 'confirmed' },
    },
  },
  {
    ...base,
    id: 'A4',
    pledgeId: 'P3',
    donorId: 'DEU',
    recipientId: 'LAO',
    assistanceType: 'material',
    pillar: 'clearance',
    amount: money('10.00', 'items'),
    confirmed: money('0.00', 'items'),
    requestedAt: '2024-02-02T10:00:00Z',
    status: 'proposed',
  },
  {
    ...base,
    id: 'A5',
    pledgeId: 'P4',
    donorId: 'USA',
    recipientId: 'LAO',
    pillar: 'clearance',
    amount: money('0.20', 'USD'),
    confirmed: money('0.10', 'USD'),
    committedOn: '2022-03-10',
    requestedAt: '2022-03-10T10:00:00Z',
    status: 'cancelled',
    deliveries: { d5: { id: 'd5', amount: money('0.10', 'USD'), deliveredOn: '2022-04-01', status: 'confirmed' } },
  },
];

export const participants: ReportParticipant[] = [
  { id: 'LAO', name: 'Lao PDR' },
  { id: 'VNM', name: 'Viet Nam' },
  { id: 'NOR', name: 'Norway' },
  { id: 'DEU', name: 'Germany' },
  { id: 'USA', name: 'United States', usedClusterMunitionsIn: ['LAO', 'VNM'] },
];

/**
 * Expected USD figures are computed by hand from the published table (annual averages in units per USD), each amount
 * converted on its own effective date with the rate rounded to 10 significant digits and the result half-even to the
 * cent (2023 from the Fed H.10 series; 2024 and 2025 from the ECB, the Fed's 2024 series ending in November):
 *   EUR 2023 0.9247169594 → 1.081411982   P1 1,000,000.10 → 1,081,412.09   A1 0.10 → 0.11
 *   EUR 2024 0.924127858  → 1.082101347   A2 0.20 → 0.22   d1 0.10 → 0.11
 *   JPY 2024 151.4310283  → 0.006603666443  P2 5,000,000 → 33,018.33  A3 1,000,000 → 6,603.67  d3 600,000 → 3,962.20
 *   JPY 2025 149.6554081  → 0.006682017127  d4 400,000 → 2,672.81 (at 2024's rate it would be 2,641.47)
 */
export const total = (count: number, byUnit: Record<string, string>, usd: string, withoutUsd = 0) => ({
  count,
  byUnit,
  usd,
  withoutUsd,
});
export const none = total(0, {}, '0.00');
export const input = { pledges, allocations };
