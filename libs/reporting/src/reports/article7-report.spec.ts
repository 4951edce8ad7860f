import { article7Csv, article7Report } from './article7-report';
import { input, none, participants, total } from './fixtures';
import { formerUsersReport } from './former-users-report';

describe('article7Report', () => {
  const all = { ...input, participants };

  it('lists what a donor provided in a calendar year: pledges, commitments, confirmed deliveries', () => {
    const report = article7Report(all, 'NOR', 2024);
    expect(
      report.rows.map((r) => [r.direction, r.kind, r.date, r.counterpartName, r.amount, r.unit, r.usd, r.usdRate]),
    ).toEqual([
      ['provided', 'delivered', '2024-01-15', 'Lao PDR', '0.10', 'EUR', '0.11', '1.082101347'],
      ['provided', 'committed', '2024-03-01', 'Lao PDR', '0.20', 'EUR', '0.22', '1.082101347'],
      ['provided', 'committed', '2024-06-01', 'Viet Nam', '1000000', 'JPY', '6603.67', '0.006603666443'],
      ['provided', 'delivered', '2024-07-01', 'Viet Nam', '600000', 'JPY', '3962.20', '0.006603666443'],
      ['provided', 'pledged', '2024-12-31', null, '5000000', 'JPY', '33018.33', '0.006603666443'],
    ]);
    expect(report.totals.provided.committed).toEqual(total(2, { EUR: '0.20', JPY: '1000000' }, '6603.89'));
    expect(report.totals.received.delivered).toEqual(none);
  });

  it('lists what a recipient received, without pledges made to it', () => {
    const report = article7Report(all, 'LAO', 2022);
    expect(report.rows.map((r) => [r.direction, r.kind, r.counterpartId, r.amount, r.usd])).toEqual([
      ['received', 'committed', 'USA', '0.10', '0.10'],
      ['received', 'delivered', 'USA', '0.10', '0.10'],
    ]);
  });

  it('flags a disputed delivery on both sides and counts it in no total', () => {
    const a5 = input.allocations.find((allocation) => allocation.id === 'A5')!;
    const disputed = {
      ...a5,
      deliveries: {
        ...a5.deliveries,
        d9: { id: 'd9', amount: { amount: '0.05', unit: 'USD' }, deliveredOn: '2022-05-01', status: 'disputed' },
      },
    };
    const allocations = input.allocations.map((allocation) => (allocation.id === 'A5' ? disputed : allocation));
    const received = article7Report({ ...all, allocations }, 'LAO', 2022);
    expect(received.rows.map((r) => [r.direction, r.kind, r.reference, r.amount, r.disputed])).toEqual([
      ['received', 'committed', 'A5', '0.10', false],
      ['received', 'delivered', 'd5', '0.10', false],
      ['received', 'delivered', 'd9', '0.05', true],
    ]);
    expect(received.totals.received.delivered).toEqual(total(1, { USD: '0.10' }, '0.10'));
    const provided = article7Report({ ...all, allocations }, 'USA', 2022);
    expect(provided.rows.filter((r) => r.disputed).map((r) => [r.direction, r.reference])).toEqual([
      ['provided', 'd9'],
    ]);
    expect(provided.totals.provided.delivered).toEqual(total(1, { USD: '0.10' }, '0.10'));
    expect(article7Csv(received).split('\r\n')[3]).toMatch(/,d9,true$/);
  });

  it('writes CSV ready to paste, quoting what needs it', () => {
    const csv = article7Csv(
      article7Report({ ...all, participants: [{ id: 'USA', name: 'United States, "USA"' }] }, 'LAO', 2022),
    );
    expect(csv.split('\r\n')).toEqual([
      'direction,kind,date,counterpartId,counterpartName,assistanceType,pillar,category,amount,unit,usd,usdRate,rateYear,reference,disputed',
      'received,committed,2022-03-10,USA,"United States, ""USA""",financial,clearance,,0.10,USD,0.10,1,2022,A5,false',
      'received,delivered,2022-04-01,USA,"United States, ""USA""",financial,clearance,,0.10,USD,0.10,1,2022,d5,false',
      '',
    ]);
  });
});

describe('formerUsersReport', () => {
  it('pairs each former user with every State where it used cluster munitions, zero rows included', () => {
    const rows = formerUsersReport({ ...input, participants });
    expect(rows.map((r) => [r.donorId, r.recipientName, r.pledged.usd, r.committed.usd, r.delivered.usd])).toEqual([
      ['USA', 'Lao PDR', '0.20', '0.10', '0.10'],
      ['USA', 'Viet Nam', '0.00', '0.00', '0.00'],
    ]);
  });
});
