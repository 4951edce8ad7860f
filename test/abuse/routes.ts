import { Role } from '@cm/domain';

/** Records the fuzzer aims at: real ones, so that refusals come from the real validation and rules. */
export interface Seeded {
  recipientId: string;
  donorId: string;
  needId: string;
  pledgeId: string;
  allocationId: string;
  deliveryId: string;
  streamId: string;
}

/** What a field holds, so that a mutation knows which values are of the wrong type or out of bounds. */
export type FieldKind =
  | { kind: 'text'; max: number; min?: number }
  | { kind: 'pattern'; bad: string[] }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'date' }
  | { kind: 'amount' }
  | { kind: 'quantity' }
  | { kind: 'list'; bad: unknown[] };

export interface CommandRoute {
  method: 'POST' | 'PATCH';
  path: (ids: Seeded, id?: string) => string;
  /** The route has a record id in its path (the fuzzer also sends hostile ones). */
  hasId: boolean;
  roles: Role[];
  valid: (ids: Seeded) => Record<string, unknown>;
  fields: Record<string, FieldKind & { required?: boolean }>;
}

const participantId: FieldKind = {
  kind: 'pattern',
  bad: ['laos', 'L', '', ' LAO', 'LAO ', 'LAO\u0000', 'ЛАО', 'A'.repeat(40)],
};
const recordId: FieldKind = {
  kind: 'pattern',
  bad: ['', 'a b', '../needs', 'x'.repeat(101), 'need\u0000', '%00', 'ñ'],
};
const category: FieldKind = { kind: 'pattern', bad: ['Metal', 'metal detectors', '_x', 'x'.repeat(65), '1abc'] };
const pillars = ['clearance', 'risk_education', 'victim_assistance', 'stockpile_destruction', 'capacity_building'];
const reason = { reason: { kind: 'text', max: 2_000, min: 1, required: true } } as const;
const optionalReason = { reason: { kind: 'text', max: 2_000, min: 1 } } as const;

export const commandRoutes: Record<string, CommandRoute> = {
  'POST /participants': {
    method: 'POST',
    path: () => '/participants',
    hasId: false,
    roles: ['admin'],
    valid: () => ({
      id: 'KHM',
      name: 'Cambodia',
      kind: 'state',
      treatyStatus: 'signatory',
      usedClusterMunitionsIn: [],
    }),
    fields: {
      id: { ...participantId, required: true },
      name: { kind: 'text', max: 200, min: 1, required: true },
      kind: { kind: 'enum', values: ['state', 'organization'], required: true },
      treatyStatus: { kind: 'enum', values: ['state_party', 'signatory', 'not_party'] },
      usedClusterMunitionsIn: { kind: 'list', bad: [['lao'], ['LAOS'], [1], Array(51).fill('LAO'), 'LAO'] },
    },
  },
  'POST /needs': {
    method: 'POST',
    path: () => '/needs',
    hasId: false,
    roles: ['affected_state', 'coordinator'],
    valid: (ids) => ({
      requesterId: ids.recipientId,
      pillar: 'clearance',
      assistanceType: 'material',
      category: 'metal_detectors',
      title: 'Metal detectors',
      description: 'For two teams',
      quantity: { amount: 10, unit: 'items' },
      priority: 'high',
      neededBy: '2030-01-01',
      location: 'Xieng Khouang',
    }),
    fields: {
      requesterId: { ...participantId, required: true },
      pillar: { kind: 'enum', values: pillars, required: true },
      assistanceType: { kind: 'enum', values: ['technical', 'material', 'financial'], required: true },
      category,
      title: { kind: 'text', max: 200, min: 1, required: true },
      description: { kind: 'text', max: 10_000 },
      quantity: { kind: 'quantity', required: true },
      priority: { kind: 'enum', values: ['critical', 'high', 'medium', 'low'], required: true },
      neededBy: { kind: 'date' },
      location: { kind: 'text', max: 200 },
    },
  },
  'PATCH /needs/:id': {
    method: 'PATCH',
    path: (ids, id = ids.needId) => `/needs/${id}`,
    hasId: true,
    roles: ['affected_state', 'coordinator'],
    valid: () => ({
      priority: 'low',
      neededBy: '2031-01-01',
      description: 'Revised',
      quantity: { amount: 12, unit: 'items' },
    }),
    fields: {
      quantity: { kind: 'quantity' },
      priority: { kind: 'enum', values: ['critical', 'high', 'medium', 'low'] },
      neededBy: { kind: 'date' },
      description: { kind: 'text', max: 10_000, min: 1 },
    },
  },
  'POST /needs/:id/withdraw': {
    method: 'POST',
    path: (ids, id = ids.needId) => `/needs/${id}/withdraw`,
    hasId: true,
    roles: ['affected_state', 'coordinator'],
    valid: () => ({ reason: 'No longer needed' }),
    fields: reason,
  },
  'POST /pledges': {
    method: 'POST',
    path: () => '/pledges',
    hasId: false,
    roles: ['donor', 'coordinator'],
    valid: (ids) => ({
      donorId: ids.donorId,
      assistanceType: 'material',
      pillars: ['clearance'],
      category: 'metal_detectors',
      quantity: { amount: 10, unit: 'items' },
      recipientId: ids.recipientId,
      pledgedOn: '2024-01-01',
      validUntil: '2030-01-01',
      conditions: 'None',
    }),
    fields: {
      donorId: { ...participantId, required: true },
      assistanceType: { kind: 'enum', values: ['technical', 'material', 'financial'], required: true },
      pillars: {
        kind: 'list',
        bad: [[], ['demining'], ['clearance', 'clearance'], [...pillars, 'x'], 'clearance'],
        required: true,
      },
      category,
      quantity: { kind: 'quantity', required: true },
      recipientId: participantId,
      pledgedOn: { kind: 'date' },
      validUntil: { kind: 'date' },
      conditions: { kind: 'text', max: 10_000 },
    },
  },
  'PATCH /pledges/:id': {
    method: 'PATCH',
    path: (ids, id = ids.pledgeId) => `/pledges/${id}`,
    hasId: true,
    roles: ['donor', 'coordinator'],
    valid: () => ({ quantity: { amount: 20, unit: 'items' }, validUntil: '2031-01-01', conditions: 'Revised' }),
    fields: {
      quantity: { kind: 'quantity' },
      validUntil: { kind: 'date' },
      conditions: { kind: 'text', max: 10_000, min: 1 },
    },
  },
  'POST /pledges/:id/withdraw': {
    method: 'POST',
    path: (ids, id = ids.pledgeId) => `/pledges/${id}/withdraw`,
    hasId: true,
    roles: ['donor', 'coordinator'],
    valid: () => ({ reason: 'Budget cut' }),
    fields: reason,
  },
  'POST /allocations': {
    method: 'POST',
    path: () => '/allocations',
    hasId: false,
    roles: ['coordinator', 'donor'],
    valid: (ids) => ({ pledgeId: ids.pledgeId, needId: ids.needId, amount: 1, committedOn: '2024-02-01' }),
    fields: {
      pledgeId: { ...recordId, required: true },
      needId: { ...recordId, required: true },
      amount: { kind: 'amount', required: true },
      committedOn: { kind: 'date' },
    },
  },
  'POST /allocations/:id/accept': {
    method: 'POST',
    path: (ids, id = ids.allocationId) => `/allocations/${id}/accept`,
    hasId: true,
    roles: ['affected_state', 'coordinator'],
    valid: () => ({ reason: 'Welcome' }),
    fields: optionalReason,
  },
  'POST /allocations/:id/decline': {
    method: 'POST',
    path: (ids, id = ids.allocationId) => `/allocations/${id}/decline`,
    hasId: true,
    roles: ['affected_state', 'coordinator'],
    valid: () => ({ reason: 'Not suitable' }),
    fields: optionalReason,
  },
  'POST /allocations/:id/cancel': {
    method: 'POST',
    path: (ids, id = ids.allocationId) => `/allocations/${id}/cancel`,
    hasId: true,
    roles: ['donor', 'coordinator'],
    valid: () => ({ reason: 'Plans changed' }),
    fields: reason,
  },
  'POST /allocations/:id/deliveries': {
    method: 'POST',
    path: (ids, id = ids.allocationId) => `/allocations/${id}/deliveries`,
    hasId: true,
    roles: ['donor'],
    valid: () => ({ amount: 1, deliveredOn: '2024-03-01', reference: 'WB-1', note: 'By road' }),
    fields: {
      amount: { kind: 'amount', required: true },
      deliveredOn: { kind: 'date', required: true },
      reference: { kind: 'text', max: 200, min: 1 },
      note: { kind: 'text', max: 2_000, min: 1 },
    },
  },
  'POST /allocations/:id/deliveries/:deliveryId/confirm': {
    method: 'POST',
    path: (ids, id = ids.allocationId) => `/allocations/${id}/deliveries/${ids.deliveryId}/confirm`,
    hasId: true,
    roles: ['affected_state'],
    valid: () => ({ receivedOn: '2024-03-02' }),
    fields: { receivedOn: { kind: 'date' } },
  },
  'POST /allocations/:id/deliveries/:deliveryId/dispute': {
    method: 'POST',
    path: (ids, id = ids.allocationId) => `/allocations/${id}/deliveries/${ids.deliveryId}/dispute`,
    hasId: true,
    roles: ['affected_state'],
    valid: () => ({ reason: 'Short by two' }),
    fields: reason,
  },
  'POST /matching/plan/apply': {
    method: 'POST',
    path: () => '/matching/plan/apply',
    hasId: false,
    roles: ['coordinator'],
    valid: (ids) => ({ pillar: 'clearance', recipientId: ids.recipientId, assistanceType: 'material' }),
    fields: {
      pillar: { kind: 'enum', values: pillars },
      recipientId: participantId,
      assistanceType: { kind: 'enum', values: ['technical', 'material', 'financial'] },
      allocations: { kind: 'list', bad: ['x', [1], [{}], [{ needId: 'a', pledgeId: 'b' }], Array(1001).fill({})] },
    },
  },
};

export interface QueryRoute {
  path: (ids: Seeded, id?: string) => string;
  hasId: boolean;
  roles: Role[];
  /** Its query parameters and values it accepts. */
  params: Record<string, string[]>;
}

const staff: Role[] = ['admin', 'coordinator', 'analyst'];
const everyone: Role[] = [...staff, 'donor', 'affected_state'];
const page = { limit: ['1', '50', '500'], cursor: [] as string[] };

export const queryRoutes: Record<string, QueryRoute> = {
  'GET /participants': {
    path: () => '/participants',
    hasId: false,
    roles: everyone,
    params: { ...page, kind: ['state'], treatyStatus: ['signatory'] },
  },
  'GET /participants/:id': {
    path: (ids, id = ids.donorId) => `/participants/${id}`,
    hasId: true,
    roles: everyone,
    params: {},
  },
  'GET /needs': {
    path: () => '/needs',
    hasId: false,
    roles: everyone,
    params: {
      ...page,
      requesterId: ['LAO'],
      pillar: pillars,
      assistanceType: ['material'],
      category: ['metal_detectors'],
      status: ['open'],
      priority: ['high'],
    },
  },
  'GET /needs/:id': { path: (ids, id = ids.needId) => `/needs/${id}`, hasId: true, roles: everyone, params: {} },
  'GET /pledges': {
    path: () => '/pledges',
    hasId: false,
    roles: everyone,
    params: {
      ...page,
      donorId: ['NOR'],
      assistanceType: ['material'],
      category: ['metal_detectors'],
      status: ['open'],
      pillar: pillars,
    },
  },
  'GET /pledges/:id': { path: (ids, id = ids.pledgeId) => `/pledges/${id}`, hasId: true, roles: everyone, params: {} },
  'GET /allocations': {
    path: () => '/allocations',
    hasId: false,
    roles: everyone,
    params: { ...page, donorId: ['NOR'], recipientId: ['LAO'], status: ['accepted'], pillar: pillars },
  },
  'GET /allocations/:id': {
    path: (ids, id = ids.allocationId) => `/allocations/${id}`,
    hasId: true,
    roles: everyone,
    params: {},
  },
  'GET /needs/:id/matches': {
    path: (ids, id = ids.needId) => `/needs/${id}/matches`,
    hasId: true,
    roles: everyone,
    params: { limit: ['1', '20', '100'] },
  },
  'GET /pledges/:id/matches': {
    path: (ids, id = ids.pledgeId) => `/pledges/${id}/matches`,
    hasId: true,
    roles: everyone,
    params: { limit: ['5'] },
  },
  'GET /matching/plan': {
    path: () => '/matching/plan',
    hasId: false,
    roles: staff,
    params: { pillar: pillars, recipientId: ['LAO'], assistanceType: ['material'] },
  },
  'GET /audit/streams/:id/events': {
    path: (ids, id = ids.streamId) => `/audit/streams/${id}/events`,
    hasId: true,
    roles: staff,
    params: { limit: ['10'], cursor: ['1'] },
  },
  'GET /audit/streams/:id/state': {
    path: (ids, id = ids.streamId) => `/audit/streams/${id}/state`,
    hasId: true,
    roles: staff,
    params: { at: ['2030-01-01', '2024-01-01T10:00:00Z'] },
  },
  'GET /audit/streams/:id/verify': {
    path: (ids, id = ids.streamId) => `/audit/streams/${id}/verify`,
    hasId: true,
    roles: staff,
    params: {},
  },
  'GET /audit/events': {
    path: () => '/audit/events',
    hasId: false,
    roles: everyone,
    params: {
      ...page,
      type: ['NeedPosted'],
      actor: ['x'],
      participant: ['LAO'],
      streamType: ['need'],
      from: ['2024-01-01'],
      to: ['2030-01-01'],
    },
  },
  'GET /audit/export': {
    path: () => '/audit/export',
    hasId: false,
    roles: everyone,
    params: { format: ['ndjson', 'csv'], type: ['NeedPosted'], from: ['2024-01-01'] },
  },
  'GET /reports/support': {
    path: () => '/reports/support',
    hasId: false,
    roles: staff,
    params: { groupBy: ['donor,pillar', 'year'], from: ['2024-01-01'], to: ['2030-12-31'] },
  },
  'GET /reports/coverage': { path: () => '/reports/coverage', hasId: false, roles: staff, params: {} },
  'GET /reports/former-users': { path: () => '/reports/former-users', hasId: false, roles: staff, params: {} },
  'GET /reports/article7/:id': {
    path: (ids, id = ids.donorId) => `/reports/article7/${id}`,
    hasId: true,
    roles: everyone,
    params: { year: ['2024'], format: ['json', 'csv'] },
  },
  'GET /exports/iati/:id': {
    path: (ids, id = ids.donorId) => `/exports/iati/${id}`,
    hasId: true,
    roles: [...staff, 'donor'],
    params: {},
  },
};
