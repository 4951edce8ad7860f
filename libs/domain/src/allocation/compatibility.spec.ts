import { compatibilityOf, type NeedTerms, type PledgeTerms } from './compatibility';

const pledge: PledgeTerms = {
  pledgeId: 'p1',
  donorId: 'NOR',
  assistanceType: 'material',
  pillars: ['clearance'],
  category: 'metal_detectors',
  unit: 'items',
};
const need: NeedTerms = {
  needId: 'n1',
  requesterId: 'LAO',
  assistanceType: 'material',
  pillar: 'clearance',
  category: 'metal_detectors',
  unit: 'items',
};
const reasonsOf = (p: PledgeTerms, n: NeedTerms) => {
  const result = compatibilityOf(p, n);
  return result.compatible ? [] : result.incompatibilities.map((failure) => failure.reason);
};

describe('allocation compatibility', () => {
  it('accepts equal terms', () => {
    expect(compatibilityOf(pledge, need)).toEqual({ compatible: true, needsConversion: false });
  });

  it('reports every failing rule', () => {
    expect(
      reasonsOf({ ...pledge, assistanceType: 'technical', pillars: ['risk_education'], recipientId: 'VNM' }, need),
    ).toEqual(['assistance_type_differs', 'pillar_not_accepted', 'recipient_differs']);
  });

  it('requires equal categories for material and technical assistance only', () => {
    expect(reasonsOf({ ...pledge, category: 'prosthetics' }, need)).toEqual(['category_differs']);
    expect(reasonsOf({ ...pledge, category: undefined }, need)).toEqual(['category_differs']);
    const money = { assistanceType: 'financial' as const, unit: 'USD' };
    expect(reasonsOf({ ...pledge, ...money, category: 'x' }, { ...need, ...money, category: undefined })).toEqual([]);
  });

  it('converts between currencies with published rates only', () => {
    const financial = { assistanceType: 'financial' as const };
    expect(compatibilityOf({ ...pledge, ...financial, unit: 'NOK' }, { ...need, ...financial, unit: 'USD' })).toEqual({
      compatible: true,
      needsConversion: true,
    });
    expect(reasonsOf({ ...pledge, ...financial, unit: 'AED' }, { ...need, ...financial, unit: 'USD' })).toEqual([
      'no_reference_rate',
    ]);
    expect(reasonsOf({ ...pledge, unit: 'kg' }, need)).toEqual(['unit_differs']);
  });

  it('lets a targeted pledge go to its recipient', () => {
    expect(reasonsOf({ ...pledge, recipientId: 'LAO' }, need)).toEqual([]);
  });
});
