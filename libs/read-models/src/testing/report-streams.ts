import type { EventEnvelope } from '@cm/event-store';
import { pillars } from '@cm/domain';
import { streamOf } from './envelopes';

/** A small deterministic PRNG (mulberry32), so that a failing sequence can be replayed from its seed. */
export function randomOf(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

export type Random = ReturnType<typeof randomOf>;

const donors = ['NOR', 'DEU', 'JPN', 'GBR', 'CHE', 'AUS'];
const recipients = ['LAO', 'VNM', 'KHM', 'IRQ', 'UKR'];
const currencies = ['USD', 'EUR', 'NOK', 'GBP', 'CHF'];
const years = [2019, 2020, 2021, 2022, 2023, 2024];

const dayOf = (random: Random) =>
  `${random.pick(years)}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
const moneyOf = (random: Random, unit: string) => ({
  amount: `${1 + random.int(500)}${random.pick(['.00', '.50', '.25'])}`,
  unit,
});

/** One pledge's events: submitted, maybe revised, maybe part reserved, maybe withdrawn or expired. */
export function randomPledgeStream(random: Random, id: string): EventEnvelope[] {
  const financial = random.next() < 0.7;
  const unit = financial ? random.pick(currencies) : 'kits';
  const quantity = financial ? moneyOf(random, unit) : { amount: `${1 + random.int(90)}.00`, unit };
  const event = streamOf('pledge', id, `${dayOf(random)}T09:00:00.000Z`);
  const recipientId = random.next() < 0.6 ? random.pick(recipients) : undefined;
  const events = [
    event('PledgeSubmitted', {
      pledgeId: id,
      donorId: random.pick(donors),
      assistanceType: financial ? 'financial' : 'material',
      pillars: random.next() < 0.7 ? [random.pick(pillars)] : [pillars[0], pillars[1]],
      quantity,
      ...(recipientId && { recipientId }),
      ...(random.next() < 0.7 && { pledgedOn: dayOf(random) }),
      submittedAt: `${dayOf(random)}T08:00:00.000Z`,
    }),
  ];
  if (random.next() < 0.3) {
    const revised = financial ? moneyOf(random, unit) : { amount: `${1 + random.int(90)}.00`, unit };
    events.push(event('PledgeRevised', { pledgeId: id, quantity: revised, status: 'open' }));
  }
  if (random.next() < 0.3) {
    const amount = { amount: '1.00', unit };
    events.push(event('PledgeCapacityReserved', { pledgeId: id, allocationId: `${id}-a`, amount, status: 'open' }));
  }
  const end = random.next();
  if (end < 0.15)
    events.push(
      event('PledgeWithdrawn', { pledgeId: id, reason: 'budget', released: quantity, openAllocationIds: [] }),
    );
  else if (end < 0.25)
    events.push(event('PledgeExpired', { pledgeId: id, expiredAt: '2025-01-01', released: quantity }));
  return events;
}

/** One allocation's events: requested, then a random prefix of proposed, accepted, delivered, confirmed. */
export function randomAllocationStream(random: Random, id: string): EventEnvelope[] {
  const unit = random.pick(currencies);
  const amount = moneyOf(random, unit);
  const sides = { allocationId: id, pledgeId: `p-${id}`, needId: `n-${id}` };
  const event = streamOf('allocation', id, `${dayOf(random)}T09:00:00.000Z`);
  const delivered = { amount: amount.amount, unit };
  const events = [
    event('AllocationRequested', {
      ...sides,
      donorId: random.pick(donors),
      recipientId: random.pick(recipients),
      assistanceType: 'financial',
      pillar: random.pick(pillars),
      amount,
      needAmount: amount,
      ...(random.next() < 0.7 && { committedOn: dayOf(random) }),
      requestedAt: `${dayOf(random)}T08:00:00.000Z`,
    }),
    event('AllocationProposed', sides),
    event('AllocationAccepted', sides),
    event('DeliveryRecorded', { ...sides, deliveryId: `d-${id}`, amount: delivered, deliveredOn: dayOf(random) }),
    event('DeliveryConfirmed', {
      ...sides,
      deliveryId: `d-${id}`,
      amount: delivered,
      needAmount: delivered,
      status: 'completed',
    }),
  ];
  return events.slice(0, 1 + random.int(events.length));
}
