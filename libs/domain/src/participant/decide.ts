import { unhandled } from '../decider';
import { DomainError } from '../errors';
import { maxSourceLength, maxTitleLength } from '../limits';
import { oneOf, participantId, participantKinds, stateId, text, treatyStatuses } from '../vocabulary';
import { isoDateOf, notInFuture } from '../dates';
import type {
  DecideDeadlineExtension,
  ParticipantCommand,
  RecordTreatyAction,
  RegisterParticipant,
  RequestDeadlineExtension,
  UpdateParticipant,
} from './commands';
import type { ParticipantEvent, ParticipantUpdated } from './events';
import type { Participant, ParticipantState } from './state';
import {
  consentOf,
  deadlineArticles,
  deadlineRules,
  emptyTreaty,
  obligationsOf,
  treatyActions,
  addYears,
} from './treaty';

export function decideParticipant(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  switch (command.type) {
    case 'RegisterParticipant':
      return register(command, state);
    case 'UpdateParticipant':
      return update(command, state);
    case 'RecordTreatyAction':
      return recordTreatyAction(command, state);
    case 'RequestDeadlineExtension':
      return requestExtension(command, state);
    case 'DecideDeadlineExtension':
      return decideExtension(command, state);
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
        name: text(data.name, 'name', maxTitleLength),
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
  if (data.name !== undefined && data.name !== current.name) changes.name = text(data.name, 'name', maxTitleLength);
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

function treatyState(state: ParticipantState, id: unknown): Participant {
  if (!state) throw new DomainError('NOT_FOUND', `participant ${String(id)} is not registered`, 'id');
  if (state.kind !== 'state') {
    throw new DomainError(
      'INELIGIBLE_PARTICIPANT',
      `${state.id} is an organisation: only States join the Convention`,
      'id',
    );
  }
  return state;
}

/** Each action once; ratification or accession, not both; a withdrawal only after consent, and after it. */
function recordTreatyAction({ data, metadata }: RecordTreatyAction, state: ParticipantState): ParticipantEvent[] {
  const participant = treatyState(state, data.id);
  const action = oneOf(treatyActions, data.action, 'action');
  const on = notInFuture(data.on, 'on', metadata.now).slice(0, 10);
  const source = text(data.source, 'source', maxSourceLength);
  const treaty = participant.treaty ?? emptyTreaty;
  if (treaty.actions.some((a) => a.action === action)) {
    throw new DomainError('ALREADY_EXISTS', `${participant.id} already has a ${action} recorded`, 'action');
  }
  const consent = consentOf(treaty);
  if ((action === 'ratification' || action === 'accession') && consent) {
    throw new DomainError('INVALID_TRANSITION', `${participant.id} already consented by ${consent.action}`, 'action');
  }
  if (action === 'withdrawal' && (!consent || on <= consent.on)) {
    throw new DomainError('INVALID_TRANSITION', `a withdrawal needs an earlier ratification or accession`, 'action');
  }
  return [{ type: 'TreatyActionRecorded', data: { participantId: participant.id, action, on, source } }];
}

function boundDeadline(participant: Participant, article: string, on: string) {
  const checked = oneOf(deadlineArticles, article, 'article');
  const obligations = obligationsOf(participant.treaty ?? emptyTreaty, on);
  const deadline = obligations[checked];
  if (!deadline)
    throw new DomainError('INVALID_TRANSITION', `${participant.id} is not bound: no ratification or accession`);
  if (obligations.withdrawalEffectiveOn && obligations.withdrawalEffectiveOn <= on) {
    throw new DomainError('INVALID_TRANSITION', `${participant.id} withdrew on ${obligations.withdrawalEffectiveOn}`);
  }
  return { article: checked, deadline };
}

/** A request goes in before the deadline it would extend, for at most the article's maximum period. */
function requestExtension({ data, metadata }: RequestDeadlineExtension, state: ParticipantState): ParticipantEvent[] {
  const participant = treatyState(state, data.id);
  const requestedOn = notInFuture(data.requestedOn, 'requestedOn', metadata.now).slice(0, 10);
  const { article, deadline } = boundDeadline(participant, data.article, requestedOn);
  const requestedUntil = isoDateOf(data.requestedUntil, 'requestedUntil').slice(0, 10);
  if (requestedOn > deadline.deadline) {
    throw new DomainError('DEADLINE_PASSED', `${article} deadline ${deadline.deadline} passed before ${requestedOn}`);
  }
  withinExtension(article, deadline.deadline, requestedUntil, 'requestedUntil');
  if (deadline.pendingRequest) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `an ${article} extension request of ${deadline.pendingRequest.requestedOn} is pending`,
    );
  }
  const source = data.source === undefined ? undefined : text(data.source, 'source', maxSourceLength);
  return [
    {
      type: 'DeadlineExtensionRequested',
      data: { participantId: participant.id, article, requestedOn, requestedUntil, ...(source && { source }) },
    },
  ];
}

function withinExtension(article: keyof typeof deadlineRules, from: string, until: string, field: string): void {
  const latest = addYears(from, deadlineRules[article].maxExtensionYears);
  if (until <= from || until > latest) {
    throw new DomainError(
      'EXTENSION_TOO_LONG',
      `${field} ${until} must be after ${from} and no later than ${latest} (${deadlineRules[article].maxExtensionYears} years)`,
      field,
    );
  }
}

/** A meeting decides on the pending request: it may grant less than asked, never more than the article allows. */
function decideExtension({ data, metadata }: DecideDeadlineExtension, state: ParticipantState): ParticipantEvent[] {
  const participant = treatyState(state, data.id);
  const decidedOn = notInFuture(data.decidedOn, 'decidedOn', metadata.now).slice(0, 10);
  const { article, deadline } = boundDeadline(participant, data.article, decidedOn);
  const pending = deadline.pendingRequest;
  if (!pending) throw new DomainError('INVALID_TRANSITION', `no ${article} extension request is pending`, 'article');
  if (decidedOn < pending.requestedOn) {
    throw new DomainError(
      'DATE_OUT_OF_ORDER',
      `decidedOn is before the request of ${pending.requestedOn}`,
      'decidedOn',
    );
  }
  const grantedUntil = data.grantedUntil === null ? null : isoDateOf(data.grantedUntil, 'grantedUntil').slice(0, 10);
  if (grantedUntil !== null) withinExtension(article, deadline.deadline, grantedUntil, 'grantedUntil');
  const meeting = text(data.meeting, 'meeting', maxTitleLength);
  const source = data.source === undefined ? undefined : text(data.source, 'source', maxSourceLength);
  return [
    {
      type: 'DeadlineExtensionDecided',
      data: { participantId: participant.id, article, decidedOn, meeting, grantedUntil, ...(source && { source }) },
    },
  ];
}
