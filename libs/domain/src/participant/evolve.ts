import { unhandled } from '../decider';
import type { ParticipantEvent } from './events';
import type { ParticipantState } from './state';

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
    default:
      return unhandled(event);
  }
}
