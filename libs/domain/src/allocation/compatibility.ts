import { hasReferenceRate } from '../fx/convert';
import { isCurrency } from '../quantity/quantity';
import type { AssistanceType, Pillar } from '../vocabulary';

/** What allocation and matching need to know about a pledge, taken from its current state. */
export interface PledgeTerms {
  readonly pledgeId: string;
  readonly donorId: string;
  readonly assistanceType: AssistanceType;
  readonly pillars: readonly Pillar[];
  readonly category?: string;
  readonly unit: string;
  readonly recipientId?: string;
}

/** What allocation and matching need to know about a need, taken from its current state. */
export interface NeedTerms {
  readonly needId: string;
  readonly requesterId: string;
  readonly assistanceType: AssistanceType;
  readonly pillar: Pillar;
  readonly category?: string;
  readonly unit: string;
}

export type IncompatibilityReason =
  | 'assistance_type_differs'
  | 'pillar_not_accepted'
  | 'category_differs'
  | 'unit_differs'
  | 'no_reference_rate'
  | 'recipient_differs';

export interface Incompatibility {
  readonly reason: IncompatibilityReason;
  readonly detail: string;
}

export type Compatibility =
  | { readonly compatible: true; readonly needsConversion: boolean }
  | { readonly compatible: false; readonly incompatibilities: readonly Incompatibility[] };

/**
 * DESIGN §2 allocation compatibility: same assistance type; the need's pillar among the pledge's pillars; equal
 * category for material and technical assistance; equal unit, or two currencies with reference rates; and a
 * targeted pledge only for its recipient. Every failing rule is reported, so that matching can explain itself.
 */
export function compatibilityOf(pledge: PledgeTerms, need: NeedTerms): Compatibility {
  const incompatibilities: Incompatibility[] = [];
  const fail = (reason: IncompatibilityReason, detail: string) => incompatibilities.push({ reason, detail });
  if (pledge.assistanceType !== need.assistanceType) {
    fail('assistance_type_differs', `pledge offers ${pledge.assistanceType}, need asks for ${need.assistanceType}`);
  }
  if (!pledge.pillars.includes(need.pillar)) {
    fail('pillar_not_accepted', `pledge does not cover ${need.pillar}`);
  }
  if (need.assistanceType !== 'financial' && pledge.category !== need.category) {
    fail('category_differs', `pledge category ${pledge.category ?? 'none'}, need category ${need.category ?? 'none'}`);
  }
  const needsConversion = pledge.unit !== need.unit;
  if (needsConversion && !(isCurrency(pledge.unit) && isCurrency(need.unit))) {
    fail('unit_differs', `pledge counts in ${pledge.unit}, need in ${need.unit}`);
  } else if (needsConversion && !(hasReferenceRate(pledge.unit) && hasReferenceRate(need.unit))) {
    fail('no_reference_rate', `no reference rate between ${pledge.unit} and ${need.unit}`);
  }
  if (pledge.recipientId !== undefined && pledge.recipientId !== need.requesterId) {
    fail('recipient_differs', `pledge is targeted at ${pledge.recipientId}, need is from ${need.requesterId}`);
  }
  return incompatibilities.length === 0
    ? { compatible: true, needsConversion }
    : { compatible: false, incompatibilities };
}
