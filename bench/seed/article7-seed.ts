import type { Db, Document } from 'mongodb';
import { insertAll } from './report-seed';

const money = (amount: string, unit = 'EUR') => ({ amount, unit });
/** About the size of a pledge's conditions or a delivery's reference as States write them. */
const note =
  'Subject to the annual appropriation of the parliament; reporting as agreed in the exchange of letters. '.repeat(8);

/** A pledge of BEN effective on `date`, shaped like the pledges read model. */
function pledgeOf(id: string, date: string): Document {
  return {
    _id: id,
    id,
    version: 1,
    updatedAt: `${date}T10:00:00.000Z`,
    donorId: 'BEN',
    assistanceType: 'financial',
    pillars: ['clearance'],
    quantity: money('1000.00'),
    allocated: money('100.00'),
    delivered: money('50.00'),
    remaining: money('900.00'),
    recipientId: 'LAO',
    pledgedOn: date,
    submittedAt: `${date}T10:00:00.000Z`,
    conditions: note,
    status: 'partially_allocated',
  };
}

/** An allocation committed on `date` with one confirmed delivery a month later, shaped like the read model. */
function allocationOf(id: string, donorId: string, recipientId: string, date: string): Document {
  const deliveredOn = `${date.slice(0, 5)}${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}${date.slice(7)}`;
  return {
    _id: id,
    id,
    version: 4,
    updatedAt: `${deliveredOn}T10:00:00.000Z`,
    pledgeId: `${id}-pledge`,
    needId: `${id}-need`,
    donorId,
    recipientId,
    assistanceType: 'financial',
    pillar: 'clearance',
    amount: money('100.00'),
    confirmed: money('50.00'),
    committedOn: date,
    requestedAt: `${date}T09:00:00.000Z`,
    status: 'partially_delivered',
    deliveries: {
      [`${id}-d`]: { id: `${id}-d`, amount: money('50.00'), deliveredOn, status: 'confirmed', reference: note },
    },
  };
}

/**
 * BEN's records: `others` pledges and `others` allocations (half as donor, half as recipient) effective in the five
 * years before `year`, and `inYear` of each in `year`, one of them to BEN itself and one with a donor no participant
 * document names; beside them 200 other participants, which the report must not all read.
 */
export async function seedArticle7(db: Db, others: number, inYear: number, year: number): Promise<void> {
  const dateOf = (i: number) =>
    i < others ? `${year - 1 - (i % 5)}-0${1 + (i % 8)}-15` : `${year}-0${1 + (i % 8)}-20`;
  const ids = Array.from({ length: others + inYear }, (_, i) => i);
  const sideOf = (i: number): [string, string] =>
    i === others ? ['BEN', 'BEN'] : i === others + 1 ? ['GONE', 'BEN'] : i % 2 === 0 ? ['BEN', 'LAO'] : ['NOR', 'BEN'];
  await insertAll(
    db,
    'participants',
    ['BEN', 'LAO', 'NOR', ...Array.from({ length: 200 }, (_, i) => `P${i}`)].map((id) => ({
      _id: id,
      id,
      version: 1,
      updatedAt: '2020-01-01T00:00:00.000Z',
      name: `Participant ${id}`,
      kind: 'state',
    })),
  );
  await insertAll(
    db,
    'pledges',
    ids.map((i) => pledgeOf(`BEN-p${i}`, dateOf(i))),
  );
  await insertAll(
    db,
    'allocations',
    ids.map((i) => allocationOf(`BEN-a${i}`, ...sideOf(i), dateOf(i))),
  );
}
