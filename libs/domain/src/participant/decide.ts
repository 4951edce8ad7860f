import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { oneOf, participantId, participantKinds, stateId, text, treatyStatuses } from '../vocabulary';
import type { ParticipantCommand, RegisterParticipant, UpdateParticipant } from './commands';
import type { ParticipantEvent, ParticipantUpdated } from './events';
import type { Participant, ParticipantState } from './state';

const maxNameLength = 200;

export function decideParticipant(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  switch (command.type) {
    case 'RegisterParticipant':
      return register(command, state);
    case 'UpdateParticipant':
      return update(command, state);
    default:
      return unhandled(command);
  }
}

function register({ data }: RegisterParticipant, state: ParticipantState): ParticipantEvent[] {
  const kind = oneOf(participantKinds, data.kind, 'kind');
  const id = participantId(data.id, 'id', kind);
  if (state) throw new DomainError('ALREADY_EXISTS', `participant ${id} is already registered`, 'id');
  const treatyStatus =
    data.treatyStatus === undefined ? undefined : oneOf(treatyStatuses, data.treatyStatus, 'treatyStatus');
  return [
    {
      type: 'ParticipantRegistered',
      data: {
        participantId: id,
        name: text(data.name, 'name', maxNameLength),
        kind,
        ...(treatyStatus && { treatyStatus }),
        usedClusterMunitionsIn: territories(data.usedClusterMunitionsIn ?? []),
      },
    },
  ];
}

function update({ data }: UpdateParticipant, state: ParticipantState): ParticipantEvent[] {
  if (!state) throw new DomainError('NOT_FOUND', `participant ${String(data.id)} is not registered`, 'id');
  const changes = changesTo(state, data);
  return Object.keys(changes).length === 0
    ? []
    : [{ type: 'ParticipantUpdated', data: { participantId: state.id, ...changes } }];
}

type Changes = Omit<ParticipantUpdated['data'], 'participantId'>;

function changesTo(current: Participant, data: UpdateParticipant['data']): Changes {
  const changes: { -readonly [K in keyof Changes]: Changes[K] } = {};
  if (data.name !== undefined && data.name !== current.name) changes.name = text(data.name, 'name', maxNameLength);
  if (data.treatyStatus !== undefined && data.treatyStatus !== current.treatyStatus) {
    changes.treatyStatus = oneOf(treatyStatuses, data.treatyStatus, 'treatyStatus');
  }
  if (data.usedClusterMunitionsIn !== undefined) {
    const next = territories(data.usedClusterMunitionsIn);
    if (next.join() !== current.usedClusterMunitionsIn.join()) changes.usedClusterMunitionsIn = next;
  }
  return changes;
}

/** Sorted and unique, so that equal lists compare equal and no change is recorded twice. */
function territories(value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new DomainError('INVALID_FIELD', 'usedClusterMunitionsIn must be a list', 'usedClusterMunitionsIn');
  }
  const ids = value.map((id) => stateId(id, 'usedClusterMunitionsIn'));
  return [...new Set(ids)].sort();
}
