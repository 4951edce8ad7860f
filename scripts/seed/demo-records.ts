/**
 * The demo's records, sent by scripts/seed-demo.ts: the participants, then per requester or donor its needs and pledges
 * (keyed, so that every Idempotency-Key stays fixed), and the allocations between them by those keys.
 */

export const states = [
  ['LAO', "Lao People's Democratic Republic", 'affected_state'],
  ['LBN', 'Lebanon', 'affected_state'],
  ['IRQ', 'Iraq', 'affected_state'],
  ['VNM', 'Viet Nam', 'affected_state'],
  ['UKR', 'Ukraine', 'affected_state'],
  ['NOR', 'Norway', 'donor'],
  ['DEU', 'Germany', 'donor'],
  ['JPN', 'Japan', 'donor'],
  ['GBR', 'United Kingdom', 'donor'],
  ['USA', 'United States of America', 'donor'],
  ['LTU', 'Lithuania', 'donor'],
] as const;
export const treaty: Record<string, string> = {
  VNM: 'not_party',
  UKR: 'not_party',
  USA: 'not_party',
  LTU: 'not_party',
};
export const organisations = [['EU', 'European Union']] as const;

/** [requesterId, key, body] of each need. */
export const needs: [string, string, Record<string, unknown>][] = [
  [
    'LAO',
    'lao-detectors',
    {
      pillar: 'clearance',
      assistanceType: 'material',
      category: 'metal_detectors',
      title: 'Metal detectors for UXO clearance teams in Xieng Khouang',
      quantity: { amount: 120, unit: 'items' },
      priority: 'critical',
      neededBy: '2027-06-30',
      location: 'Xieng Khouang',
    },
  ],
  [
    'LAO',
    'lao-survey',
    {
      pillar: 'clearance',
      assistanceType: 'financial',
      title: 'Cluster munition remnants survey, Savannakhet',
      quantity: { amount: 1500000, unit: 'USD' },
      priority: 'high',
    },
  ],
  [
    'LBN',
    'lbn-risk-education',
    {
      pillar: 'risk_education',
      assistanceType: 'financial',
      title: 'Risk education in schools of South Lebanon',
      quantity: { amount: 400000, unit: 'EUR' },
      priority: 'high',
    },
  ],
  [
    'IRQ',
    'irq-prosthetics',
    {
      pillar: 'victim_assistance',
      assistanceType: 'material',
      category: 'prosthetics',
      title: 'Prosthetic limbs for survivors in Basra',
      quantity: { amount: 300, unit: 'items' },
      priority: 'critical',
    },
  ],
  [
    'VNM',
    'vnm-eod-training',
    {
      pillar: 'capacity_building',
      assistanceType: 'technical',
      category: 'eod_training',
      title: 'EOD level 3 training for provincial teams',
      quantity: { amount: 90, unit: 'training_days' },
      priority: 'medium',
    },
  ],
  [
    'UKR',
    'ukr-stockpile',
    {
      pillar: 'stockpile_destruction',
      assistanceType: 'technical',
      category: 'stockpile_destruction_expertise',
      title: 'Expert support for stockpile destruction planning',
      quantity: { amount: 60, unit: 'expert_days' },
      priority: 'high',
    },
  ],
  [
    'UKR',
    'ukr-im',
    {
      pillar: 'capacity_building',
      assistanceType: 'financial',
      title: 'Information management system for mine action',
      quantity: { amount: 250000, unit: 'USD' },
      priority: 'low',
    },
  ],
];

/** [donorId, key, body] of each pledge. */
export const pledges: [string, string, Record<string, unknown>][] = [
  [
    'NOR',
    'nor-clearance',
    {
      assistanceType: 'financial',
      pillars: ['clearance', 'risk_education'],
      quantity: { amount: 12000000, unit: 'NOK' },
      pledgedOn: '2025-03-01',
      validUntil: '2027-12-31',
    },
  ],
  [
    'DEU',
    'deu-risk-education',
    {
      assistanceType: 'financial',
      pillars: ['risk_education', 'victim_assistance'],
      quantity: { amount: 300000, unit: 'EUR' },
    },
  ],
  [
    'JPN',
    'jpn-detectors',
    {
      assistanceType: 'material',
      pillars: ['clearance'],
      category: 'metal_detectors',
      quantity: { amount: 80, unit: 'items' },
      recipientId: 'LAO',
    },
  ],
  [
    'GBR',
    'gbr-prosthetics',
    {
      assistanceType: 'material',
      pillars: ['victim_assistance'],
      category: 'prosthetics',
      quantity: { amount: 200, unit: 'items' },
    },
  ],
  [
    'USA',
    'usa-im',
    {
      assistanceType: 'financial',
      pillars: ['capacity_building', 'clearance'],
      quantity: { amount: 500000, unit: 'USD' },
    },
  ],
  [
    'EU',
    'eu-eod',
    {
      assistanceType: 'technical',
      pillars: ['capacity_building'],
      category: 'eod_training',
      quantity: { amount: 60, unit: 'training_days' },
    },
  ],
];

/** [pledge key, need key, amount] of each allocation. */
export const allocations: [string, string, number][] = [
  ['jpn-detectors', 'lao-detectors', 80],
  ['nor-clearance', 'lao-survey', 5000000],
  ['deu-risk-education', 'lbn-risk-education', 250000],
  ['gbr-prosthetics', 'irq-prosthetics', 150],
  ['eu-eod', 'vnm-eod-training', 40],
];
