import { element, textElement, XmlElement } from './xml';
import { IatiOrganisation, Money } from './iati-input';

/** IATI TransactionType codes this export writes: pledge, commitment, disbursement. */
export const transactionTypes = { outgoingPledge: '12', outgoingCommitment: '2', disbursement: '3' } as const;
export type TransactionType = (typeof transactionTypes)[keyof typeof transactionTypes];

export interface Transaction {
  type: TransactionType;
  /** The effective date (xsd:date): when it really happened, not when it was recorded. */
  date: string;
  value: Money;
  /** Our record id, so a reader can trace the transaction back to the audit trail. */
  ref: string;
  description: string;
  provider: IatiOrganisation;
  receiver?: IatiOrganisation;
}

/** An ISO date or time as the xsd:date IATI wants: its calendar day. */
export const isoDateOf = (dateOrTime: string): string => dateOrTime.slice(0, 10);

export const organisationRef = (organisation: IatiOrganisation): string => organisation.iatiRef ?? organisation.id;
export const organisationType = (organisation: IatiOrganisation): string =>
  organisation.iatiType ?? (organisation.kind === 'organization' ? '40' : '10');

const order: Record<TransactionType, number> = { '12': 0, '2': 1, '3': 2 };

/** By date, then pledge before commitment before disbursement, then our id: a stable, readable file. */
export const byDateAndType = (a: Transaction, b: Transaction): number =>
  a.date.localeCompare(b.date) || order[a.type] - order[b.type] || a.ref.localeCompare(b.ref);

export function transactionElement(transaction: Transaction): XmlElement {
  const date = isoDateOf(transaction.date);
  const { provider, receiver } = transaction;
  return element(
    'transaction',
    { ref: transaction.ref },
    element('transaction-type', { code: transaction.type }),
    element('transaction-date', { 'iso-date': date }),
    textElement('value', transaction.value.amount, { currency: transaction.value.unit, 'value-date': date }),
    element('description', {}, textElement('narrative', transaction.description)),
    element(
      'provider-org',
      { ref: organisationRef(provider), type: organisationType(provider) },
      textElement('narrative', provider.name),
    ),
    receiver &&
      element(
        'receiver-org',
        { ref: receiver.iatiRef, type: receiver.iatiType ?? (receiver.kind ? organisationType(receiver) : undefined) },
        textElement('narrative', receiver.name),
      ),
  );
}
