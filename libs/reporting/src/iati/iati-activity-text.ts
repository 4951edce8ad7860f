import { IatiActivitiesInput, IatiAllocation, IatiOrganisation, IatiPledge } from './iati-input';
import { isoDateOf, organisationType } from './transactions';
import { element, textElement, XmlElement } from './xml';

/** The human-readable parts of an activity: its title, descriptions and participating organisations. */

/**
 * Deliveries the donor reported and the recipient disputes are no disbursement (type 3 is only what was received);
 * an "other" description (DescriptionType 4) names them, so the file still accounts for every reported amount.
 */
export function disputedDescriptionOf(
  input: IatiActivitiesInput,
  byAllocation: ReadonlyMap<string, IatiAllocation>,
): XmlElement | undefined {
  const disputed = (input.disputedDeliveries ?? [])
    .filter((delivery) => byAllocation.has(delivery.allocationId))
    .sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn) || a.id.localeCompare(b.id));
  if (disputed.length === 0) return undefined;
  const listed = disputed
    .map((d) => `${d.id} (${d.amount.amount} ${d.amount.unit}, delivered ${isoDateOf(d.deliveredOn)})`)
    .join('; ');
  const text = `Reported deliveries disputed by the recipient, not counted as disbursements: ${listed}.`;
  return element('description', { type: '4' }, textElement('narrative', text));
}

export function participatingOrg(organisation: IatiOrganisation, role: string): XmlElement {
  return element(
    'participating-org',
    {
      ref: organisation.iatiRef ?? (role === '1' ? organisation.id : undefined),
      type: organisation.iatiType ?? (organisation.kind ? organisationType(organisation) : undefined),
      role,
    },
    textElement('narrative', organisation.name),
  );
}

const words = (value: string) => value.replace(/_/g, ' ');

export function titleOf(pledge: IatiPledge, donor: IatiOrganisation): string {
  const pillars = pledge.pillars.map(words).join(', ');
  return `${donor.name}: ${words(pledge.assistanceType)} assistance for ${pillars} (Convention on Cluster Munitions, Article 6)`;
}

export function descriptionOf(pledge: IatiPledge): string {
  const parts = [
    `${words(pledge.assistanceType)} assistance pledged under Article 6 of the Convention on Cluster Munitions`,
    pledge.category && `category: ${words(pledge.category)}`,
    pledge.conditions && `conditions: ${pledge.conditions}`,
  ];
  const text = `${parts.filter(Boolean).join('; ')}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
