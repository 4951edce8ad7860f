import { isCurrency } from '@cm/domain';
import { alpha2Of } from './country-codes';
import { IatiActivitiesInput, IatiAllocation, IatiOrganisation, IatiPledge, Money } from './iati-input';
import { descriptionOf, disputedDescriptionOf, participatingOrg, titleOf } from './iati-activity-text';
import { sharesOf } from './recipient-shares';
import {
  byDateAndType,
  isoDateOf,
  organisationRef,
  organisationType,
  Transaction,
  transactionElement,
  transactionTypes,
} from './transactions';
import { element, render, renderXml, startTagOf, textElement, xmlDeclaration, XmlElement } from './xml';

export const iatiVersion = '2.03';
/** DAC CRS purpose code 15250, removal of land mines and explosive remnants of war, in vocabulary 1 (DAC 5-digit). */
const sector = { vocabulary: '1', code: '15250', percentage: '100' };

/** IATI ActivityStatus: 1 pipeline, 2 implementation, 4 closed, 5 cancelled. */
const activityStatusOf: Record<string, string> = {
  open: '1',
  partially_allocated: '2',
  allocated: '2',
  fulfilled: '4',
  expired: '4',
  withdrawn: '5',
};

/**
 * A commitment is firm once the recipient accepted it; a cancelled one stays committed for what was delivered
 * before the cancellation. Proposals, refusals and declines commit nothing.
 */
function committedOf(allocation: IatiAllocation): Money | undefined {
  if (['accepted', 'partially_delivered', 'completed'].includes(allocation.status)) return allocation.amount;
  if (allocation.status === 'cancelled' && allocation.confirmed && !/^0*(\.0*)?$/.test(allocation.confirmed.amount)) {
    return allocation.confirmed;
  }
  return undefined;
}

/**
 * The donor's money pledges as an IATI 2.03 `iati-activities` document: one activity per pledge, with the pledge
 * (transaction type 12), its firm allocations (2) and the confirmed deliveries (3), each at its effective date.
 * Material and technical pledges are left out: IATI transactions are amounts of money.
 */
export function iatiActivitiesXml(input: IatiActivitiesInput): string {
  const recipients = new Map((input.recipients ?? []).map((recipient) => [recipient.id, recipient]));
  const recipientOf = (id: string): IatiOrganisation => recipients.get(id) ?? { id, name: id };
  const activities = input.pledges
    .filter((pledge) => isCurrency(pledge.quantity.unit))
    .map((pledge) => activityOf(pledge, input, recipientOf));
  return renderXml(
    element('iati-activities', { version: iatiVersion, 'generated-datetime': input.generatedAt }, ...activities),
  );
}

/** What every activity of a streamed file shares: the donor, the recipients' names and the file's dates. */
export type IatiActivitiesHead = Pick<IatiActivitiesInput, 'donor' | 'generatedAt' | 'lastUpdatedAt' | 'recipients'>;

/** Some of the donor's pledges with all their allocations and deliveries (a pledge's activity reads nothing else). */
export type IatiActivitiesChunk = Pick<
  IatiActivitiesInput,
  'pledges' | 'allocations' | 'deliveries' | 'disputedDeliveries'
>;

/**
 * The same document as `iatiActivitiesXml`, written out as it goes: one string per activity (the start tag before
 * the first, the end tag after the last), so that a file of any size is never held whole.
 */
export async function* iatiActivitiesXmlParts(
  head: IatiActivitiesHead,
  chunks: AsyncIterable<IatiActivitiesChunk> | Iterable<IatiActivitiesChunk>,
): AsyncGenerator<string> {
  const recipients = new Map((head.recipients ?? []).map((recipient) => [recipient.id, recipient]));
  const recipientOf = (id: string): IatiOrganisation => recipients.get(id) ?? { id, name: id };
  const root = element('iati-activities', { version: iatiVersion, 'generated-datetime': head.generatedAt });
  let opened = false;
  for await (const chunk of chunks) {
    const input = { ...head, ...chunk };
    for (const pledge of chunk.pledges.filter((p) => isCurrency(p.quantity.unit))) {
      const activity = render(activityOf(pledge, input, recipientOf), '  ');
      yield opened ? `\n${activity}` : `${xmlDeclaration}${startTagOf(root)}\n${activity}`;
      opened = true;
    }
  }
  yield opened ? `\n</iati-activities>\n` : renderXml(root);
}

function activityOf(
  pledge: IatiPledge,
  input: IatiActivitiesInput,
  recipientOf: (id: string) => IatiOrganisation,
): XmlElement {
  const { donor } = input;
  const allocations = input.allocations.filter((allocation) => allocation.pledgeId === pledge.id);
  const committed = allocations.flatMap((allocation) => {
    const amount = committedOf(allocation);
    return amount ? [{ allocation, amount }] : [];
  });
  const byAllocation = new Map(allocations.map((allocation) => [allocation.id, allocation]));
  const deliveries = input.deliveries.filter((delivery) => byAllocation.has(delivery.allocationId));
  const pledgedOn = pledge.pledgedOn ?? pledge.submittedAt;

  const transactions: Transaction[] = [
    {
      type: transactionTypes.outgoingPledge,
      date: pledgedOn,
      value: pledge.quantity,
      ref: pledge.id,
      description: `Pledge of ${pledge.quantity.amount} ${pledge.quantity.unit}`,
      provider: donor,
      ...(pledge.recipientId && { receiver: recipientOf(pledge.recipientId) }),
    },
    ...committed.map(({ allocation, amount }) => ({
      type: transactionTypes.outgoingCommitment,
      date: allocation.committedOn ?? allocation.requestedAt,
      value: amount,
      ref: allocation.id,
      description: `Allocation to need ${allocation.needId}`,
      provider: donor,
      receiver: recipientOf(allocation.recipientId),
    })),
    ...deliveries.map((delivery) => {
      const allocation = byAllocation.get(delivery.allocationId)!;
      return {
        type: transactionTypes.disbursement,
        date: delivery.deliveredOn,
        value: delivery.amount,
        ref: delivery.id,
        description: `Delivery confirmed by the recipient${delivery.reference ? ` (${delivery.reference})` : ''}`,
        provider: donor,
        receiver: recipientOf(allocation.recipientId),
      };
    }),
  ].sort(byDateAndType);

  // Shares of the committed money (or the targeted recipient alone) among the recipients that are countries.
  const basis =
    committed.length > 0
      ? committed.map(({ allocation, amount }) => ({ recipientId: allocation.recipientId, amount }))
      : pledge.recipientId
        ? [{ recipientId: pledge.recipientId, amount: pledge.quantity }]
        : [];
  const countries = sharesOf(basis.filter(({ recipientId }) => alpha2Of(recipientId) !== undefined));
  const recipientIds = [...new Set([pledge.recipientId, ...committed.map(({ allocation }) => allocation.recipientId)])]
    .filter((id): id is string => id !== undefined)
    .sort();

  return element(
    'iati-activity',
    {
      'last-updated-datetime': input.lastUpdatedAt ?? input.generatedAt,
      'xml:lang': 'en',
      'default-currency': pledge.quantity.unit,
    },
    textElement('iati-identifier', `${organisationRef(donor)}-${pledge.id}`),
    element(
      'reporting-org',
      { ref: organisationRef(donor), type: organisationType(donor) },
      textElement('narrative', donor.name),
    ),
    element('title', {}, textElement('narrative', titleOf(pledge, donor))),
    element('description', { type: '1' }, textElement('narrative', descriptionOf(pledge))),
    disputedDescriptionOf(input, byAllocation),
    participatingOrg(donor, '1'),
    ...recipientIds.map((id) => participatingOrg(recipientOf(id), '4')),
    element('activity-status', { code: activityStatusOf[pledge.status] ?? '2' }),
    element('activity-date', { type: '2', 'iso-date': isoDateOf(pledgedOn) }),
    pledge.validUntil ? element('activity-date', { type: '3', 'iso-date': isoDateOf(pledge.validUntil) }) : undefined,
    ...[...countries].map(([recipientId, percentage]) =>
      element('recipient-country', { code: alpha2Of(recipientId), percentage }),
    ),
    element('sector', sector),
    ...transactions.map(transactionElement),
  );
}
