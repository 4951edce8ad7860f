import type { Decider } from '../decider';
import type { ParticipantCommand } from './commands';
import { decideParticipant } from './decide';
import type { ParticipantEvent } from './events';
import { evolveParticipant } from './evolve';
import { initialParticipantState, type ParticipantState } from './state';

export * from './commands';
export * from './events';
export * from './state';
export * from './treaty';
export { decideParticipant, evolveParticipant };

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  decide: decideParticipant,
  evolve: evolveParticipant,
  initialState: initialParticipantState,
};
