import { IatiActivitiesInput } from './iati-input';

/** Norway's pledges, allocations and deliveries as the IATI writer reads them. */
export const norway = { id: 'NOR', name: 'Norway & "friends" <MFA>', kind: 'state' as const, iatiRef: 'XM-DAC-8' };
export const money = (amount: string, unit: string) => ({ amount, unit });

/** Norway: pledges in EUR, NOK, JPY and a material one; allocations to two States and an organisation. */
export const input: IatiActivitiesInput = {
  donor: norway,
  generatedAt: '2026-03-01T12:00:00.000Z',
  recipients: [
    { id: 'LAO', name: 'Lao PDR', kind: 'state' },
    { id: 'VNM', name: 'Viet Nam', kind: 'state' },
    { id: 'UNMAS', name: 'UN Mine Action Service', kind: 'organization', iatiRef: 'XI-IATI-UNMAS' },
  ],
  pledges: [
    {
      id: 'p-eur',
      assistanceType: 'financial',
      pillars: ['clearance', 'risk_education'],
      quantity: money('1000000.00', 'EUR'),
      pledgedOn: '2024-11-15',
      submittedAt: '2026-02-01T09:00:00Z',
      validUntil: '2027-12-31',
      conditions: 'Report quarterly; no overheads > 7% \u0007',
      status: 'partially_allocated',
    },
    {
      id: 'p-nok',
      assistanceType: 'financial',
      pillars: ['victim_assistance'],
      quantity: money('2500000.50', 'NOK'),
      recipientId: 'LAO',
      submittedAt: '2025-06-30T23:30:00Z',
      status: 'open',
    },
    {
      id: 'p-jpy',
      assistanceType: 'financial',
      pillars: ['capacity_building'],
      quantity: money('30000000', 'JPY'),
      pledgedOn: '2023-04-01',
      submittedAt: '2025-01-10T08:00:00Z',
      status: 'fulfilled',
    },
    {
      id: 'p-detectors',
      assistanceType: 'material',
      pillars: ['clearance'],
      category: 'metal_detectors',
      quantity: money('40.00', 'items'),
      submittedAt: '2025-01-10T08:00:00Z',
      status: 'open',
    },
  ],
  allocations: [
    {
      id: 'a-lao',
      pledgeId: 'p-eur',
      needId: 'n-lao',
      recipientId: 'LAO',
      amount: money('0.10', 'EUR'),
      committedOn: '2025-02-01',
      requestedAt: '2026-02-02T10:00:00Z',
      status: 'partially_delivered',
    },
    {
      id: 'a-vnm',
      pledgeId: 'p-eur',
      needId: 'n-vnm',
      recipientId: 'VNM',
      amount: money('0.20', 'EUR'),
      requestedAt: '2026-02-03T10:00:00Z',
      status: 'accepted',
    },
    {
      id: 'a-unmas',
      pledgeId: 'p-eur',
      needId: 'n-unmas',
      recipientId: 'UNMAS',
      amount: money('500.00', 'EUR'),
      requestedAt: '2026-02-04T10:00:00Z',
      status: 'completed',
    },
    {
      id: 'a-declined',
      pledgeId: 'p-eur',
      needId: 'n-x',
      recipientId: 'LAO',
      amount: money('99.00', 'EUR'),
      requestedAt: '2026-02-05T10:00:00Z',
      status: 'declined',
    },
    {
      id: 'a-jpy',
      pledgeId: 'p-jpy',
      needId: 'n-jpy',
      recipientId: 'VNM',
      amount: money('30000000', 'JPY'),
      committedOn: '2023-05-01',
      requestedAt: '2025-01-11T08:00:00Z',
      status: 'completed',
    },
  ],
  deliveries: [
    { id: 'd-1', allocationId: 'a-lao', amount: money('0.05', 'EUR'), deliveredOn: '2025-03-01', reference: 'TX<1>' },
    { id: 'd-2', allocationId: 'a-unmas', amount: money('500.00', 'EUR'), deliveredOn: '2025-04-01' },
    { id: 'd-3', allocationId: 'a-jpy', amount: money('30000000', 'JPY'), deliveredOn: '2023-06-01' },
  ],
};

export const activityOf = (xml: string, pledgeId: string): string =>
  new RegExp(
    `<iati-activity [^>]*>\\s*<iati-identifier>XM-DAC-8-${pledgeId}</iati-identifier>[\\s\\S]*?</iati-activity>`,
  ).exec(xml)?.[0] ?? '';
export const transactionsOf = (activity: string) =>
  [
    ...activity.matchAll(
      /<transaction-type code="(\d+)"\/>\s*<transaction-date iso-date="([^"]+)"\/>\s*<value currency="([A-Z]{3})" value-date="([^"]+)">([^<]+)</g,
    ),
  ].map(([, type, date, currency, valueDate, value]) => ({ type, date, currency, valueDate, value }));
