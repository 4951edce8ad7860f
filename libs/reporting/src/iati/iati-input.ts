/** An amount as the domain stores it: canonical decimal text ("1234.50") and an ISO 4217 code for money. */
export interface Money {
  amount: string;
  unit: string;
}

export interface IatiOrganisation {
  /** The participant id: ISO 3166-1 alpha-3 for a State (NOR), an upper-case slug for an organisation (UNMAS). */
  id: string;
  name: string;
  kind?: 'state' | 'organization';
  /** Its IATI organisation identifier (e.g. XM-DAC-8 for Norway), when it has one; the participant id otherwise. */
  iatiRef?: string;
  /** IATI OrganisationType code; defaults to 10 (government) for a State and 40 (multilateral) otherwise. */
  iatiType?: string;
}

export interface IatiPledge {
  id: string;
  assistanceType: string;
  pillars: readonly string[];
  category?: string;
  quantity: Money;
  recipientId?: string;
  /** Effective date of the pledge; submittedAt when absent. */
  pledgedOn?: string;
  submittedAt: string;
  validUntil?: string;
  conditions?: string;
  status: string;
}

export interface IatiAllocation {
  id: string;
  pledgeId: string;
  needId: string;
  recipientId: string;
  /** In the pledge's currency. */
  amount: Money;
  /** The part confirmed delivered: all that is left of the commitment once the allocation is cancelled. */
  confirmed?: Money;
  committedOn?: string;
  requestedAt: string;
  status: string;
}

/** A delivery the recipient confirmed: IATI disbursements are only what was received. */
export interface IatiDelivery {
  id: string;
  allocationId: string;
  amount: Money;
  deliveredOn: string;
  reference?: string;
}

export interface IatiActivitiesInput {
  donor: IatiOrganisation;
  pledges: readonly IatiPledge[];
  allocations: readonly IatiAllocation[];
  deliveries: readonly IatiDelivery[];
  /** Deliveries the recipient disputes: no disbursement, but each activity names its own in a description. */
  disputedDeliveries?: readonly IatiDelivery[];
  /** Names (and IATI ids) of the recipients, by participant id; an unknown one is named by its id. */
  recipients?: readonly IatiOrganisation[];
  /** When the file is made (the builder has no clock). */
  generatedAt: string;
  /** When the donor's record last changed; generatedAt when absent. */
  lastUpdatedAt?: string;
}
