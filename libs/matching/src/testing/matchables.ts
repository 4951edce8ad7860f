import type { MatchableNeed, MatchablePledge, MatchContext } from '../candidates/matchable.types';

/** Builders for matching tests: a compatible financial pair by default, changed one field at a time. */
export const NOW = '2024-06-01';

export const aNeed = (overrides: Partial<MatchableNeed> = {}): MatchableNeed => ({
  id: 'need-1',
  requesterId: 'LAO',
  pillar: 'clearance',
  assistanceType: 'financial',
  remaining: { amount: '100000.00', unit: 'USD' },
  priority: 'high',
  status: 'open',
  ...overrides,
});

export const aPledge = (overrides: Partial<MatchablePledge> = {}): MatchablePledge => ({
  id: 'pledge-1',
  donorId: 'NOR',
  assistanceType: 'financial',
  pillars: ['clearance', 'victim_assistance'],
  remaining: { amount: '40000.00', unit: 'USD' },
  status: 'open',
  ...overrides,
});

export const aContext = (overrides: Partial<MatchContext> = {}): MatchContext => ({
  now: NOW,
  formerUserLinks: {},
  confirmedDeliveries: {},
  ...overrides,
});

export const materialNeed = (overrides: Partial<MatchableNeed> = {}): MatchableNeed =>
  aNeed({
    assistanceType: 'material',
    category: 'metal_detectors',
    remaining: { amount: '50.00', unit: 'items' },
    ...overrides,
  });

export const materialPledge = (overrides: Partial<MatchablePledge> = {}): MatchablePledge =>
  aPledge({
    assistanceType: 'material',
    category: 'metal_detectors',
    remaining: { amount: '20.00', unit: 'items' },
    ...overrides,
  });
