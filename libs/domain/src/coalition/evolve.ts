import { unhandled } from '../decider';
import type { CoalitionEvent } from './events';
import type { Coalition, CoalitionRole, CoalitionState, Membership } from './state';

export function evolveCoalition(state: CoalitionState, event: CoalitionEvent): CoalitionState {
  if (event.type === 'CoalitionFormed') {
    const { coalitionId, formedAt, affectedStateId, leadPartnerId, ...terms } = event.data;
    return withMemberships(
      { id: coalitionId, ...terms, affectedStateId, leadPartnerId, formedAt, status: 'active', memberIds: [] },
      [
        { participantId: affectedStateId, role: 'affected_state', since: formedAt },
        { participantId: leadPartnerId, role: 'lead_partner', since: formedAt },
      ],
    );
  }
  if (!state) return state;
  switch (event.type) {
    case 'MemberJoined':
      return withMemberships(state, [
        ...state.memberships,
        { participantId: event.data.participantId, role: 'supporting_partner', since: event.data.joinedAt },
      ]);
    case 'MemberLeft':
      return withMemberships(state, ended(state.memberships, [event.data.participantId], event.data.leftAt));
    case 'LeadPartnerChanged': {
      const { previousLeadId, leadPartnerId, changedAt } = event.data;
      const opened = (participantId: string, role: CoalitionRole): Membership => ({
        participantId,
        role,
        since: changedAt,
      });
      return withMemberships({ ...state, leadPartnerId }, [
        ...ended(state.memberships, [previousLeadId, leadPartnerId], changedAt),
        opened(leadPartnerId, 'lead_partner'),
        opened(previousLeadId, 'supporting_partner'),
      ]);
    }
    case 'CoalitionDissolved':
      return { ...state, status: 'dissolved', dissolvedAt: event.data.dissolvedAt };
    default:
      return unhandled(event);
  }
}

function ended(memberships: readonly Membership[], participantIds: string[], until: string): Membership[] {
  return memberships.map((m) =>
    m.until === undefined && participantIds.includes(m.participantId) ? { ...m, until } : m,
  );
}

function withMemberships(coalition: Omit<Coalition, 'memberships'>, memberships: Membership[]): Coalition {
  const memberIds = [...new Set(memberships.filter((m) => m.until === undefined).map((m) => m.participantId))];
  return { ...coalition, memberships, memberIds };
}
