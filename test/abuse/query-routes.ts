import { Role } from '@cm/domain';
import { pillars, QueryRoute } from './route-kinds';

/** Every GET route the fuzzer sends hostile query strings to, with the values each parameter accepts: a data table. */
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
