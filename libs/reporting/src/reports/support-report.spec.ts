import { input, none, total } from './fixtures';
import { supportReport } from './support-report';

describe('supportReport', () => {
  it('totals everything exactly: 0.10 + 0.20 EUR is 0.30, each amount in USD at its own date', () => {
    expect(supportReport(input, { groupBy: [] })).toEqual([
      {
        pledged: total(4, { EUR: '1000000.10', JPY: '5000000', USD: '0.20', items: '40.00' }, '1114430.62', 1),
        committed: total(4, { EUR: '0.30', JPY: '1000000', USD: '0.10' }, '6604.10'),
        delivered: total(4, { EUR: '0.10', JPY: '1000000', USD: '0.10' }, '6635.22'),
      },
    ]);
  });

  it('puts each amount in the year of its effective date, not of its recording or commitment', () => {
    expect(supportReport(input, { groupBy: ['year'] })).toEqual([
      {
        year: 2022,
        pledged: total(1, { USD: '0.20' }, '0.20'),
        committed: total(1, { USD: '0.10' }, '0.10'),
        delivered: total(1, { USD: '0.10' }, '0.10'),
      },
      {
        year: 2023,
        pledged: total(1, { EUR: '1000000.10' }, '1081412.09'),
        committed: total(1, { EUR: '0.10' }, '0.11'),
        delivered: none,
      },
      {
        year: 2024,
        pledged: total(2, { JPY: '5000000', items: '40.00' }, '33018.33', 1),
        committed: total(2, { EUR: '0.20', JPY: '1000000' }, '6603.89'),
        delivered: total(2, { EUR: '0.10', JPY: '600000' }, '3962.31'),
      },
      { year: 2025, pledged: none, committed: none, delivered: total(1, { JPY: '400000' }, '2672.81') },
    ]);
  });

  it('groups by donor and recipient, an untargeted pledge under a null recipient, last', () => {
    const rows = supportReport(input, { groupBy: ['donor', 'recipient'] });
    expect(
      rows.map((row) => [row.donor, row.recipient, row.pledged.usd, row.committed.usd, row.delivered.usd]),
    ).toEqual([
      ['DEU', null, '0.00', '0.00', '0.00'],
      ['NOR', 'LAO', '1081412.09', '0.33', '0.11'],
      ['NOR', 'VNM', '0.00', '6603.67', '6635.01'],
      ['NOR', null, '33018.33', '0.00', '0.00'],
      ['USA', 'LAO', '0.20', '0.10', '0.10'],
    ]);
    expect(rows[0].pledged).toEqual(total(1, { items: '40.00' }, '0.00', 1));
    const byRecipientFirst = supportReport(input, { groupBy: ['recipient', 'donor'] });
    expect(byRecipientFirst.map((row) => [row.recipient, row.donor])).toEqual([
      ['LAO', 'NOR'],
      ['LAO', 'USA'],
      ['VNM', 'NOR'],
      [null, 'DEU'],
      [null, 'NOR'],
    ]);
  });

  it('keeps a multi-pillar pledge unsplit under a null pillar', () => {
    const rows = supportReport(input, { groupBy: ['pillar', 'assistanceType'] });
    expect(rows.map((row) => [row.pillar, row.assistanceType, row.pledged.count, row.committed.count])).toEqual([
      ['clearance', 'financial', 2, 3],
      ['clearance', 'material', 1, 0],
      ['victim_assistance', 'financial', 0, 1],
      [null, 'financial', 1, 0],
    ]);
  });

  it('filters by effective date, inclusive', () => {
    expect(supportReport(input, { groupBy: [], from: '2024-01-01', to: '2024-12-31' })).toEqual([
      {
        pledged: total(2, { JPY: '5000000', items: '40.00' }, '33018.33', 1),
        committed: total(2, { EUR: '0.20', JPY: '1000000' }, '6603.89'),
        delivered: total(2, { EUR: '0.10', JPY: '600000' }, '3962.31'),
      },
    ]);
  });
});
