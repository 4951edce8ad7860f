import type { Db } from 'mongodb';
import { assistanceTypes, pillars } from '@cm/domain';
import { evolveNeedView, projectCoverage, type NeedView } from '@cm/read-models';
import { streamOf } from '../../libs/read-models/src/testing/envelopes';
import { randomOf } from '../../libs/read-models/src/testing/report-streams';
import { inMemory, say } from './report-seed';

const recipients = ['LAO', 'VNM', 'KHM', 'IRQ', 'UKR', 'AFG', 'SYR', 'YEM'];
const units = ['USD', 'EUR', 'NOK', 'kits', 'training_days'];

/** `count` needs, posted and partly reserved, folded through the need view's own code. */
export function needViews(count: number, seed: number): NeedView[] {
  const random = randomOf(seed);
  return Array.from({ length: count }, (_, i) => {
    const id = `s${seed}-n${i}`;
    const unit = random.pick(units);
    const event = streamOf('need', id);
    const amount = 10 + random.int(5000);
    const events = [
      event('NeedPosted', {
        needId: id,
        requesterId: random.pick(recipients),
        pillar: random.pick(pillars),
        assistanceType: random.pick(assistanceTypes),
        title: `need ${i}`,
        quantity: { amount: `${amount}.00`, unit },
        priority: 'medium',
        postedAt: `${2019 + random.int(6)}-0${1 + random.int(9)}-1${random.int(9)}T00:00:00.000Z`,
      }),
      ...(random.next() < 0.5
        ? [
            event('NeedCapacityReserved', {
              needId: id,
              allocationId: `a-${id}`,
              amount: { amount: `${1 + random.int(amount)}.00`, unit },
              status: 'partially_allocated',
            }),
          ]
        : []),
    ];
    return events.reduce<NeedView | null>((doc, e) => evolveNeedView(doc, e as never) as NeedView, null)!;
  });
}

/** The coverage cells and their totals the projector would keep for the needs, projected in memory, written in bulk. */
export async function seedCoverage(db: Db, needs: readonly NeedView[]): Promise<void> {
  const cells = inMemory(db, 'coverage');
  const totals = inMemory(db, 'coverage_totals');
  // Large batches: in memory, each batch copies the cells it touches, which hold one entry per need.
  for (let i = 0; i < needs.length; i += 5_000) {
    await projectCoverage(cells, totals, needs.slice(i, i + 5_000));
    say(`coverage: ${Math.min(i + 5_000, needs.length)} of ${needs.length} needs projected`);
  }
  say(`coverage: writing ${cells.pending} cells and ${totals.pending} totals`);
  await cells.flush();
  await totals.flush();
}
