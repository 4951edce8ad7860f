import type { ActorStack } from '../support/actor-stack';

/** A need and a pledge that fit each other, posted by LAO and NOR, for the command api specs. */
export const material = { assistanceType: 'material', category: 'metal_detectors' };
export const needBody = (requesterId: string, amount = 100) => ({
  ...material,
  requesterId,
  pillar: 'clearance',
  title: 'Metal detectors for clearance teams',
  quantity: { amount, unit: 'items' },
  priority: 'high',
});
export const pledgeBody = (donorId: string, amount = 100) => ({
  ...material,
  donorId,
  pillars: ['clearance'],
  quantity: { amount, unit: 'items' },
});

/** Posts a need of LAO and a pledge of NOR through `send`, expecting both to be created. */
export const needAndPledgeOf =
  (send: ActorStack['send']) =>
  async (needAmount = 100, pledgeAmount = 100) => {
    const need = await send('POST', '/needs', 'LAO', needBody('LAO', needAmount));
    const pledge = await send('POST', '/pledges', 'NOR', pledgeBody('NOR', pledgeAmount));
    expect([need.status, pledge.status]).toEqual([201, 201]);
    return { needId: need.body.id as string, pledgeId: pledge.body.id as string };
  };
