import { coverageReport, type CoverageCell } from './coverage-report';

describe('coverageReport', () => {
  const cell = (fields: Partial<CoverageCell>): CoverageCell => ({
    recipientId: 'LAO',
    pillar: 'clearance',
    assistanceType: 'financial',
    needs: 1,
    requested: {},
    allocated: {},
    delivered: {},
    usd: { requested: '0.00', allocated: '0.00', delivered: '0.00' },
    ...fields,
  });

  it('adds assistance types per recipient × pillar, with unmet needs and shares', () => {
    const rows = coverageReport([
      cell({
        needs: 2,
        requested: { EUR: '0.30' },
        allocated: { EUR: '0.10' },
        delivered: { EUR: '0.00' },
        usd: { requested: '0.33', allocated: '0.11', delivered: '0.00' },
      }),
      cell({
        assistanceType: 'material',
        requested: { items: '40.00' },
        allocated: { items: '10.00' },
        delivered: { items: '0.00' },
      }),
      cell({
        recipientId: 'VNM',
        pillar: 'victim_assistance',
        requested: { JPY: '3000000' },
        allocated: { JPY: '1000000' },
        delivered: { JPY: '1000000' },
        usd: { requested: '19808.52', allocated: '6602.84', delivered: '6602.84' },
      }),
    ]);
    expect(rows).toEqual([
      {
        recipientId: 'LAO',
        pillar: 'clearance',
        needs: 3,
        byUnit: {
          EUR: {
            requested: '0.30',
            allocated: '0.10',
            delivered: '0.00',
            unmet: '0.20',
            shareAllocated: '0.3333',
            shareDelivered: '0.0000',
          },
          items: {
            requested: '40.00',
            allocated: '10.00',
            delivered: '0.00',
            unmet: '30.00',
            shareAllocated: '0.2500',
            shareDelivered: '0.0000',
          },
        },
        usd: {
          requested: '0.33',
          allocated: '0.11',
          delivered: '0.00',
          unmet: '0.22',
          shareAllocated: '0.3333',
          shareDelivered: '0.0000',
        },
      },
      {
        recipientId: 'VNM',
        pillar: 'victim_assistance',
        needs: 1,
        byUnit: {
          JPY: {
            requested: '3000000',
            allocated: '1000000',
            delivered: '1000000',
            unmet: '2000000',
            shareAllocated: '0.3333',
            shareDelivered: '0.3333',
          },
        },
        usd: {
          requested: '19808.52',
          allocated: '6602.84',
          delivered: '6602.84',
          unmet: '13205.68',
          shareAllocated: '0.3333',
          shareDelivered: '0.3333',
        },
      },
    ]);
  });

  it('has no share of nothing requested', () => {
    expect(coverageReport([cell({})])[0].usd).toMatchObject({ shareAllocated: null, unmet: '0.00' });
  });
});
