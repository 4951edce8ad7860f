export const coalitionRoles = ['affected_state', 'lead_partner', 'supporting_partner'] as const;
export type CoalitionRole = (typeof coalitionRoles)[number];

export const coalitionStatuses = ['active', 'dissolved'] as const;
export type CoalitionStatus = (typeof coalitionStatuses)[number];

/** One stretch of one participant's membership in one role; `until` is set when it ended. */
export interface Membership {
  readonly participantId: string;
  readonly role: CoalitionRole;
  readonly since: string;
  readonly until?: string;
}

export interface Coalition {
  readonly id: string;
  readonly name: string;
  readonly affectedStateId: string;
  readonly leadPartnerId: string;
  readonly nationalPlan?: string;
  readonly formedAt: string;
  readonly status: CoalitionStatus;
  readonly dissolvedAt?: string;
  /** Every membership in the order it began: the current members are those without `until`. */
  readonly memberships: readonly Membership[];
  /** The current members' ids (the state, the lead and the supporting partners), for queries by member. */
  readonly memberIds: readonly string[];
}

/** Null until the coalition is formed. */
export type CoalitionState = Coalition | null;

export const initialCoalitionState: CoalitionState = null;

export const currentRoleOf = (coalition: Coalition, participantId: string): CoalitionRole | undefined =>
  coalition.memberships.find((m) => m.participantId === participantId && m.until === undefined)?.role;
