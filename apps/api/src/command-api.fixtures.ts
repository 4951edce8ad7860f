import { tokenFor } from './testing/command-api';

/** What the command-api spec posts: a need and a pledge that fit each other, and a token per standard actor. */
export const need = (requesterId = 'LAO', amount = 100) => ({
  requesterId,
  pillar: 'clearance',
  assistanceType: 'material',
  category: 'metal_detectors',
  title: 'Metal detectors',
  quantity: { amount, unit: 'items' },
  priority: 'high',
});
export const pledge = (donorId = 'NOR', amount = 100) => ({
  donorId,
  assistanceType: 'material',
  pillars: ['clearance'],
  category: 'metal_detectors',
  quantity: { amount, unit: 'items' },
});

export async function actorTokens() {
  const [lao, vnm, nor, deu, coordinator, admin, analyst] = await Promise.all([
    tokenFor('affected_state', 'LAO'),
    tokenFor('affected_state', 'VNM'),
    tokenFor('donor', 'NOR'),
    tokenFor('donor', 'DEU'),
    tokenFor('coordinator'),
    tokenFor('admin'),
    tokenFor('analyst'),
  ]);
  return { lao, vnm, nor, deu, coordinator, admin, analyst };
}
