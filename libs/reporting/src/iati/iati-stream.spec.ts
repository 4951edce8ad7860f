import { iatiActivitiesXml, iatiActivitiesXmlParts, type IatiActivitiesChunk } from './iati-activities';
import type { IatiActivitiesInput, IatiAllocation } from './iati-input';

const money = (amount: string, unit: string) => ({ amount, unit });
const units = ['EUR', 'NOK', 'USD', 'kits'];
const statuses = ['proposed', 'accepted', 'partially_delivered', 'completed', 'cancelled', 'declined'];

/** A donor with `count` pledges, each with up to two allocations and their deliveries, some disputed. */
function donorFile(count: number): IatiActivitiesInput {
  const pledges = Array.from({ length: count }, (_, i) => ({
    id: `p-${i}`,
    assistanceType: 'financial',
    pillars: i % 3 === 0 ? ['clearance', 'risk_education'] : ['victim_assistance'],
    quantity: money(`${1000 + i}.00`, units[i % units.length]),
    ...(i % 2 === 0 && { recipientId: i % 4 === 0 ? 'LAO' : 'VNM' }),
    ...(i % 5 !== 0 && { pledgedOn: `202${i % 5}-0${1 + (i % 9)}-15` }),
    submittedAt: '2025-06-30T23:30:00Z',
    status: i % 7 === 0 ? 'withdrawn' : 'partially_allocated',
  }));
  const allocations: IatiAllocation[] = pledges.flatMap((pledge, i) =>
    Array.from({ length: i % 3 }, (_, j) => ({
      id: `a-${i}-${j}`,
      pledgeId: pledge.id,
      needId: `n-${i}-${j}`,
      recipientId: j === 0 ? 'LAO' : 'KHM',
      amount: money(`${100 + j}.00`, pledge.quantity.unit),
      confirmed: money(j === 0 ? `${100 + j}.00` : '0.00', pledge.quantity.unit),
      ...(j === 0 && { committedOn: '2024-03-01' }),
      requestedAt: '2025-01-01T00:00:00Z',
      status: statuses[(i + j) % statuses.length],
    })),
  );
  const deliveries = allocations.map((allocation, k) => ({
    id: `d-${k}`,
    allocationId: allocation.id,
    amount: allocation.amount,
    deliveredOn: '2025-02-01',
    ...(k % 4 === 0 && { reference: `ref <${k}>` }),
  }));
  return {
    donor: { id: 'NOR', name: 'Norway', kind: 'state', iatiRef: 'XM-DAC-8' },
    generatedAt: '2026-03-01T12:00:00.000Z',
    lastUpdatedAt: '2026-02-01T00:00:00.000Z',
    recipients: [{ id: 'LAO', name: 'Lao PDR', kind: 'state' }],
    pledges,
    allocations,
    deliveries: deliveries.filter((_, k) => k % 5 !== 0),
    disputedDeliveries: deliveries.filter((_, k) => k % 5 === 0),
  };
}

/** The donor's pledges in chunks of `size`, each with exactly its own allocations and deliveries. */
function chunksOf(input: IatiActivitiesInput, size: number): IatiActivitiesChunk[] {
  const chunks: IatiActivitiesChunk[] = [];
  for (let start = 0; start < input.pledges.length; start += size) {
    const pledges = input.pledges.slice(start, start + size);
    const ids = new Set(pledges.map((pledge) => pledge.id));
    const allocations = input.allocations.filter((allocation) => ids.has(allocation.pledgeId));
    const allocationIds = new Set(allocations.map((allocation) => allocation.id));
    const own = <D extends { allocationId: string }>(list: readonly D[] = []) =>
      list.filter((delivery) => allocationIds.has(delivery.allocationId));
    chunks.push({
      pledges,
      allocations,
      deliveries: own(input.deliveries),
      disputedDeliveries: own(input.disputedDeliveries),
    });
  }
  return chunks;
}

async function streamed(input: IatiActivitiesInput, size: number): Promise<string[]> {
  const parts: string[] = [];
  for await (const part of iatiActivitiesXmlParts(input, chunksOf(input, size))) parts.push(part);
  return parts;
}

describe('iatiActivitiesXmlParts', () => {
  it.each([1, 7, 40, 1000])(
    'writes the very document iatiActivitiesXml builds, in chunks of %i pledges',
    async (size) => {
      const input = donorFile(40);
      const parts = await streamed(input, size);
      expect(parts.join('')).toBe(iatiActivitiesXml(input));
      expect(parts.length).toBe(input.pledges.filter((p) => p.quantity.unit !== 'kits').length + 1);
    },
  );

  it('writes an empty file as the whole-file builder does', async () => {
    const input = { ...donorFile(3), pledges: [], allocations: [], deliveries: [], disputedDeliveries: [] };
    expect((await streamed(input, 10)).join('')).toBe(iatiActivitiesXml(input));
    const onlyGoods = { ...donorFile(4), pledges: [donorFile(4).pledges[3]] };
    expect((await streamed(onlyGoods, 10)).join('')).toBe(iatiActivitiesXml(onlyGoods));
  });
});
