import { evolveParticipant, type Participant, type ParticipantEvent } from '@cm/domain';
import type { EventEnvelope } from '@cm/event-store';
import { evolveStreamView, type StreamView } from '../stream-view';

/** A state or organisation as registered: name, kind, treaty status, where it used cluster munitions. */
export type ParticipantView = StreamView & Participant;

export const evolveParticipantView = (doc: ParticipantView | null, envelope: EventEnvelope): ParticipantView | null =>
  evolveStreamView<Participant, ParticipantView>(doc, envelope, (state, event) =>
    evolveParticipant(state, event as ParticipantEvent),
  );
