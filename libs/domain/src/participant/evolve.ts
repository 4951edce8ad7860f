import { unhandled } from '../decider';
import type { ParticipantEvent } from './events';
import type { ParticipantState } from './state';
import { emptyTreaty } from './treaty';

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { participantId, ...rest } = event.data;
      return { id: participantId, ...rest };
    }
    case 'ParticipantUpdated': {
      if (!state) return state;
      const { participantId: _id, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'TreatyActionRecorded': {
      if (!state) return state;
      const { participantId: _id, ...action } = event.data;
      const treaty = state.treaty ?? emptyTreaty;
      return { ...state, treaty: { ...treaty, actions: [...treaty.actions, action] } };
    }
    case 'DeadlineExtensionRequested': {
      if (!state) return state;
      const { participantId: _id, ...request } = event.data;
      const treaty = state.treaty ?? emptyTreaty;
      return { ...state, treaty: { ...treaty, extensionRequests: [...treaty.extensionRequests, request] } };
    }
    case 'DeadlineExtensionDecided': {
      if (!state) return state;
      const { participantId: _id, ...decision } = event.data;
      const treaty = state.treaty ?? emptyTreaty;
      return { ...state, treaty: { ...treaty, extensionDecisions: [...treaty.extensionDecisions, decision] } };
    }
    default:
      return unhandled(event);
  }
}
