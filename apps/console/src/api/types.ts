export interface Quantity {
  amount: number;
  unit: string;
}

export interface Need {
  id: string;
  version: number;
  requesterId: string;
  pillar: string;
  assistanceType: string;
  category?: string;
  title: string;
  description?: string;
  priority: string;
  neededBy?: string;
  location?: string;
  status: string;
  quantity: Quantity;
  allocated: Quantity;
  delivered: Quantity;
  remaining: Quantity;
}

export interface Pledge {
  id: string;
  version: number;
  donorId: string;
  assistanceType: string;
  pillars: string[];
  category?: string;
  recipientId?: string;
  validUntil?: string;
  status: string;
  quantity: Quantity;
  allocated: Quantity;
  delivered: Quantity;
  remaining: Quantity;
}

export interface Delivery {
  id: string;
  amount: Quantity;
  deliveredOn: string;
  reference?: string | null;
  status: string;
}

export interface Allocation {
  id: string;
  pledgeId: string;
  needId: string;
  donorId: string;
  recipientId: string;
  pillar: string;
  amount: Quantity;
  needAmount: Quantity;
  status: string;
  deliveries: Delivery[];
}

export interface Reason {
  component: string;
  detail: string;
  value: number;
  weight: number;
}

export interface Match {
  needId: string;
  requesterId: string;
  pillar: string;
  priority: string;
  needRemaining: Quantity;
  score: number;
  reasons: Reason[];
  amount: Quantity;
  needAmount: Quantity;
}

export interface Totals {
  count: number;
  byUnit: Record<string, string>;
  usd: string;
}

export interface SupportRow {
  donor?: string;
  recipient?: string;
  pillar?: string;
  year?: number;
  assistanceType?: string;
  pledged: Totals;
  committed: Totals;
  delivered: Totals;
}

export interface CoverageRow {
  recipientId: string;
  pillar: string;
  needs: number;
  usd: { requested: string; allocated: string; delivered: string; unmet: string; shareAllocated: string | null };
  byUnit: Record<
    string,
    { requested: string; allocated: string; delivered: string; unmet: string; shareAllocated: string }
  >;
}

export interface PlanEntry {
  needId: string;
  pledgeId: string;
  amountInPledgeUnit: Quantity;
  amountInNeedUnit: Quantity;
  valueUsd?: Quantity;
}

export interface Plan {
  asOf: string;
  allocations: PlanEntry[];
  coverageByPriority: Record<string, Record<string, { requested: Quantity; planned: Quantity }>>;
  unmetNeeds: { needId: string; unmet: Quantity }[];
}

export interface AuditEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamType: string;
  version: number;
  actor: { sub: string; role: string; participantId?: string };
  recordedAt: string;
  occurredAt: string;
  envelope?: { data: unknown };
}

/** One stored event as `GET /audit/streams/:id/events` answers it: the envelope, its actor in the metadata. */
export interface StreamEvent {
  eventId: string;
  type: string;
  version: number;
  recordedAt: string;
  occurredAt: string;
  metadata: { actor: { sub: string; role: string; participantId?: string } };
}

export interface Article7Row {
  direction: string;
  kind: string;
  date: string;
  counterpartId: string;
  counterpartName: string;
  pillar: string;
  amount: string;
  unit: string;
  usd: string | null;
}
