import { assertActsFor, type Actor } from '../actor';
import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { maxIdLength, maxReasonLength, maxSourceLength, maxTitleLength } from '../limits';
import * as vocabulary from '../vocabulary';
import type { CoalitionCommand, FormCoalition, JoinCoalition, KnownParticipants, LeaveCoalition } from './commands';
import type { CoalitionEvent } from './events';
import { currentRoleOf, type Coalition, type CoalitionState } from './state';

export function decideCoalition(command: CoalitionCommand, state: CoalitionState): CoalitionEvent[] {
  if (command.type === 'FormCoalition') return form(command, state);
  const coalition = existing(state, command.data.coalitionId);
  const { actor, now } = command.metadata;
  const coalitionId = coalition.id;
  switch (command.type) {
    case 'JoinCoalition':
      return join(command, coalition);
    case 'LeaveCoalition':
      return leave(command, coalition);
    case 'ChangeLeadPartner': {
      assertStewards(actor, coalition, coalition.leadPartnerId);
      assertActive(coalition);
      const leadPartnerId = command.data.participantId;
      if (leadPartnerId === coalition.leadPartnerId) return [];
      if (currentRoleOf(coalition, leadPartnerId) !== 'supporting_partner') {
        throw new DomainError('NOT_MEMBER', `${leadPartnerId} is not a supporting partner of coalition ${coalitionId}`);
      }
      const previousLeadId = coalition.leadPartnerId;
      return [{ type: 'LeadPartnerChanged', data: { coalitionId, previousLeadId, leadPartnerId, changedAt: now } }];
    }
    case 'DissolveCoalition': {
      assertActsFor(actor, coalition.affectedStateId);
      if (coalition.status === 'dissolved') return [];
      const reason = vocabulary.text(command.data.reason, 'reason', maxReasonLength);
      return [{ type: 'CoalitionDissolved', data: { coalitionId, reason, dissolvedAt: now } }];
    }
    default:
      return unhandled(command);
  }
}

function form({ data, metadata }: FormCoalition, state: CoalitionState): CoalitionEvent[] {
  if (state) throw new DomainError('ALREADY_EXISTS', `coalition ${data.coalitionId} already exists`, 'coalitionId');
  const affectedStateId = vocabulary.participantId(data.affectedStateId, 'affectedStateId', 'state');
  assertActsFor(metadata.actor, affectedStateId);
  if (registered(data.participants, affectedStateId, 'affectedStateId').kind !== 'state') {
    throw new DomainError('INELIGIBLE_PARTICIPANT', `${affectedStateId} is not a state`, 'affectedStateId');
  }
  const leadPartnerId = partnerOf(data.participants, data.leadPartnerId, affectedStateId, 'leadPartnerId');
  const nationalPlan = vocabulary.optionalText(data.nationalPlan, 'nationalPlan', maxSourceLength);
  return [
    {
      type: 'CoalitionFormed',
      data: {
        coalitionId: vocabulary.text(data.coalitionId, 'coalitionId', maxIdLength),
        name: vocabulary.text(data.name, 'name', maxTitleLength),
        affectedStateId,
        leadPartnerId,
        ...(nationalPlan && { nationalPlan }),
        formedAt: metadata.now,
      },
    },
  ];
}

function join({ data, metadata }: JoinCoalition, coalition: Coalition): CoalitionEvent[] {
  assertStewards(metadata.actor, coalition);
  assertActive(coalition);
  const participantId = partnerOf(data.participants, data.participantId, coalition.affectedStateId, 'participantId');
  const role = currentRoleOf(coalition, participantId);
  if (role) {
    throw new DomainError('ALREADY_MEMBER', `${participantId} is already the coalition's ${role.replace('_', ' ')}`);
  }
  return [{ type: 'MemberJoined', data: { coalitionId: coalition.id, participantId, joinedAt: metadata.now } }];
}

function leave({ data, metadata }: LeaveCoalition, coalition: Coalition): CoalitionEvent[] {
  const { participantId } = data;
  assertStewards(metadata.actor, coalition, participantId);
  assertActive(coalition);
  const role = currentRoleOf(coalition, participantId);
  if (!role) throw new DomainError('NOT_MEMBER', `${participantId} is not a member of coalition ${coalition.id}`);
  if (role !== 'supporting_partner') {
    const instead = role === 'lead_partner' ? 'hand the lead to a supporting partner first' : 'dissolve it instead';
    throw new DomainError('INVALID_TRANSITION', `the ${role.replace('_', ' ')} cannot leave the coalition: ${instead}`);
  }
  const reason = vocabulary.optionalText(data.reason, 'reason', maxReasonLength);
  return [
    {
      type: 'MemberLeft',
      data: { coalitionId: coalition.id, participantId, ...(reason && { reason }), leftAt: metadata.now },
    },
  ];
}

/** A partner is any registered participant other than the affected state itself (states, the EU, UN agencies, NGOs). */
function partnerOf(participants: KnownParticipants, value: unknown, affectedStateId: string, field: string): string {
  const id = vocabulary.participantId(value, field);
  registered(participants, id, field);
  if (id === affectedStateId) {
    throw new DomainError('INELIGIBLE_PARTICIPANT', `${id} is the coalition's affected state, not a partner`, field);
  }
  return id;
}

function registered(participants: KnownParticipants, id: string, field: string) {
  const participant = participants[id];
  if (!participant) throw new DomainError('UNKNOWN_PARTICIPANT', `participant ${id} is not registered`, field);
  return participant;
}

/**
 * Coordinators and admins, the affected state and the lead partner manage the membership; `alsoFor` names one more
 * participant allowed (a supporting partner leaving on its own, the lead handing over).
 */
function assertStewards(actor: Actor, coalition: Coalition, alsoFor?: string): void {
  const stewards = [coalition.affectedStateId, coalition.leadPartnerId, ...(alsoFor ? [alsoFor] : [])];
  if (actor.participantId !== undefined && stewards.includes(actor.participantId)) return;
  assertActsFor(actor, coalition.affectedStateId);
}

function existing(state: CoalitionState, coalitionId: string): Coalition {
  if (!state) throw new DomainError('NOT_FOUND', `coalition ${coalitionId} does not exist`, 'coalitionId');
  return state;
}

function assertActive(coalition: Coalition): void {
  if (coalition.status === 'dissolved') {
    throw new DomainError('COALITION_DISSOLVED', `coalition ${coalition.id} was dissolved on ${coalition.dissolvedAt}`);
  }
}
