import type { ExchangeRateUsed } from '@cm/domain';
import type { Money } from '../iati/iati-input';

/** What the reports read, shaped like the read models (amounts as canonical decimal text) but owned by no store. */
export interface ReportPledge {
  id: string;
  donorId: string;
  assistanceType: string;
  pillars: readonly string[];
  category?: string;
  quantity: Money;
  /** What is promised to allocations (withdrawal or expiry releases only the rest). */
  allocated: Money;
  recipientId?: string;
  pledgedOn?: string;
  submittedAt: string;
  /** Confirmed deliveries, in the pledge's unit. */
  delivered?: Money;
  status: string;
}

export interface ReportDelivery {
  id: string;
  amount: Money;
  deliveredOn: string;
  /** recorded (awaiting confirmation), confirmed, disputed or withdrawn. */
  status: string;
  /** When the open dispute was raised, if it was kept. */
  disputedAt?: string;
  reference?: string;
}

export interface ReportAllocation {
  id: string;
  pledgeId: string;
  needId: string;
  donorId: string;
  recipientId: string;
  assistanceType: string;
  pillar: string;
  category?: string;
  /** In the pledge's unit. */
  amount: Money;
  /** In the need's unit, and the rate recorded when the two units differ. */
  needAmount?: Money;
  exchangeRate?: ExchangeRateUsed;
  confirmed: Money;
  committedOn?: string;
  requestedAt: string;
  status: string;
  deliveries: Readonly<Record<string, ReportDelivery>>;
}

export interface ReportParticipant {
  id: string;
  name: string;
  kind?: string;
  usedClusterMunitionsIn?: readonly string[];
}
