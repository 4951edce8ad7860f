import { v7 as uuidv7 } from 'uuid';

/** One event of a story: the stream it goes to (type and id) and the event as a command handler hands it over. */
export type StoryStep = [streamType: string, id: string, event: { type: string; data: Record<string, unknown> }];

/**
 * One full assistance story (11 events over a need, a pledge and an allocation), in the order the commands ran:
 * posted, submitted, requested, proposed, reserved on both sides, accepted, delivered, confirmed on all three.
 * `n` varies the requester, pillar and kind (money or items), so that stories land in different cells.
 */
export function storySteps(n: number): StoryStep[] {
  const [needId, pledgeId, allocationId, deliveryId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const money = n % 2 === 0;
  const unit = money ? 'EUR' : 'items';
  const assistanceType = money ? 'financial' : 'material';
  const requesterId = ['LAO', 'VNM', 'KHM'][n % 3];
  const pillar = ['clearance', 'victim_assistance'][n % 2];
  const q = (amount: string) => ({ amount, unit });
  const sides = { allocationId, pledgeId, needId };
  const at = '2025-02-01T10:00:00.000Z';
  return [
    [
      'need',
      needId,
      {
        type: 'NeedPosted',
        data: {
          needId,
          requesterId,
          pillar,
          assistanceType,
          title: `need ${n}`,
          quantity: q('100.00'),
          priority: 'high',
          postedAt: at,
        },
      },
    ],
    [
      'pledge',
      pledgeId,
      {
        type: 'PledgeSubmitted',
        data: { pledgeId, donorId: 'NOR', assistanceType, pillars: [pillar], quantity: q('100.00'), submittedAt: at },
      },
    ],
    [
      'allocation',
      allocationId,
      {
        type: 'AllocationRequested',
        data: {
          ...sides,
          donorId: 'NOR',
          recipientId: requesterId,
          assistanceType,
          pillar,
          amount: q('60.00'),
          needAmount: q('60.00'),
          committedOn: '2024-11-05',
          requestedAt: at,
        },
      },
    ],
    [
      'need',
      needId,
      {
        type: 'NeedCapacityReserved',
        data: { needId, allocationId, amount: q('60.00'), status: 'partially_allocated' },
      },
    ],
    [
      'pledge',
      pledgeId,
      {
        type: 'PledgeCapacityReserved',
        data: { pledgeId, allocationId, amount: q('60.00'), status: 'partially_allocated' },
      },
    ],
    ['allocation', allocationId, { type: 'AllocationProposed', data: sides }],
    ['allocation', allocationId, { type: 'AllocationAccepted', data: sides }],
    [
      'allocation',
      allocationId,
      { type: 'DeliveryRecorded', data: { ...sides, deliveryId, amount: q('60.00'), deliveredOn: '2025-01-10' } },
    ],
    [
      'allocation',
      allocationId,
      {
        type: 'DeliveryConfirmed',
        data: { ...sides, deliveryId, amount: q('60.00'), needAmount: q('60.00'), status: 'completed' },
      },
    ],
    [
      'need',
      needId,
      {
        type: 'NeedDeliveryConfirmed',
        data: { needId, allocationId, deliveryId, amount: q('60.00'), status: 'partially_delivered' },
      },
    ],
    [
      'pledge',
      pledgeId,
      {
        type: 'PledgeDeliveryConfirmed',
        data: { pledgeId, allocationId, deliveryId, amount: q('60.00'), status: 'partially_allocated' },
      },
    ],
  ];
}
