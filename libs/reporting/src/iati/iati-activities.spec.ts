import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { iatiActivitiesXml } from './iati-activities';
import { iatiSchema as schema, validateIati as validate } from '../../../../test/support/iati-schema';
import { norway, money, input, activityOf, transactionsOf } from './iati-activities.fixtures';

describe('iatiActivitiesXml', () => {
  beforeAll(() => {
    const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error(
        'xmllint is missing: install the Debian package libxml2-utils (apt-get install -y libxml2-utils)',
      );
    }
    if (!existsSync(schema)) throw new Error(`the IATI 2.03 schema is not at ${schema} (shared/iati beside the repo)`);
  });

  const xml = iatiActivitiesXml(input);

  it('validates against the official IATI 2.03 activities schema', () => {
    const result = validate(xml);
    expect(result.output).toMatch(/validates/);
    expect(result.ok).toBe(true);
  });

  it('is checked for real: a document missing its reporting-org does not validate', () => {
    const broken = xml.replace(/<reporting-org[\s\S]*?<\/reporting-org>/, '');
    expect(validate(broken).ok).toBe(false);
  });

  it('writes one activity per money pledge, identified by the reporting org and the pledge id', () => {
    expect([...xml.matchAll(/<iati-identifier>([^<]+)</g)].map(([, id]) => id)).toEqual([
      'XM-DAC-8-p-eur',
      'XM-DAC-8-p-nok',
      'XM-DAC-8-p-jpy',
    ]);
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-03-01T12:00:00.000Z">');
    expect(xml).toContain('<sector vocabulary="1" code="15250" percentage="100"/>');
  });

  it('writes the pledge (12), firm allocations (2) and confirmed deliveries (3) at their effective dates', () => {
    expect(transactionsOf(activityOf(xml, 'p-eur'))).toEqual([
      { type: '12', date: '2024-11-15', currency: 'EUR', valueDate: '2024-11-15', value: '1000000.00' },
      { type: '2', date: '2025-02-01', currency: 'EUR', valueDate: '2025-02-01', value: '0.10' },
      { type: '3', date: '2025-03-01', currency: 'EUR', valueDate: '2025-03-01', value: '0.05' },
      { type: '3', date: '2025-04-01', currency: 'EUR', valueDate: '2025-04-01', value: '500.00' },
      { type: '2', date: '2026-02-03', currency: 'EUR', valueDate: '2026-02-03', value: '0.20' },
      { type: '2', date: '2026-02-04', currency: 'EUR', valueDate: '2026-02-04', value: '500.00' },
    ]);
    expect(transactionsOf(activityOf(xml, 'p-nok'))).toEqual([
      { type: '12', date: '2025-06-30', currency: 'NOK', valueDate: '2025-06-30', value: '2500000.50' },
    ]);
    expect(
      transactionsOf(activityOf(xml, 'p-jpy')).map(({ type, value, currency }) => [type, value, currency]),
    ).toEqual([
      ['12', '30000000', 'JPY'],
      ['2', '30000000', 'JPY'],
      ['3', '30000000', 'JPY'],
    ]);
  });

  it('names recipient countries in alpha-2 with exact shares adding up to 100, and receivers by name', () => {
    // LAO 0.10 and VNM 0.20 of the committed money; UNMAS is an organisation, not a country.
    expect(activityOf(xml, 'p-eur')).toContain('<recipient-country code="LA" percentage="33.33"/>');
    expect(activityOf(xml, 'p-eur')).toContain('<recipient-country code="VN" percentage="66.67"/>');
    expect(activityOf(xml, 'p-nok')).toContain('<recipient-country code="LA" percentage="100.00"/>');
    expect(activityOf(xml, 'p-eur')).toContain('<receiver-org ref="XI-IATI-UNMAS" type="40">');
    expect(activityOf(xml, 'p-eur')).toMatch(/<receiver-org type="10">\s*<narrative>Lao PDR<\/narrative>/);
  });

  it('escapes text and attributes and drops characters XML cannot carry', () => {
    expect(xml).toContain('<narrative>Norway &amp; "friends" &lt;MFA&gt;</narrative>');
    expect(xml).toContain('no overheads &gt; 7% .');
    expect(xml).toContain('(TX&lt;1&gt;)');
    expect(xml).not.toContain('\u0007');
    const quoted = iatiActivitiesXml({ ...input, donor: { ...norway, iatiRef: `XM-"DAC"-'8'` } });
    expect(quoted).toContain('ref="XM-&quot;DAC&quot;-&apos;8&apos;"');
    expect(validate(quoted).ok).toBe(true);
  });

  it('counts a disputed delivery as no disbursement and names it in an "other" description, still valid', () => {
    const disputed = { id: 'd-9', allocationId: 'a-lao', amount: money('0.04', 'EUR'), deliveredOn: '2025-05-01' };
    const flagged = iatiActivitiesXml({ ...input, disputedDeliveries: [disputed] });
    expect(validate(flagged).ok).toBe(true);
    const activity = activityOf(flagged, 'p-eur');
    expect(transactionsOf(activity)).toEqual(transactionsOf(activityOf(xml, 'p-eur')));
    expect(activity).toMatch(
      /<description type="4">\s*<narrative>Reported deliveries disputed by the recipient, not counted as disbursements: d-9 \(0\.04 EUR, delivered 2025-05-01\)\.<\/narrative>/,
    );
    expect(activityOf(flagged, 'p-nok')).not.toContain('type="4"');
    expect(xml).not.toContain('<description type="4">');
  });

  it('leaves out material pledges and writes a valid empty-handed activity for a pledge with nothing allocated', () => {
    expect(xml).not.toContain('p-detectors');
    const lone = iatiActivitiesXml({ ...input, pledges: [input.pledges[1]], allocations: [], deliveries: [] });
    expect(validate(lone).ok).toBe(true);
  });
});
