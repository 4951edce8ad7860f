import { streamOf } from '../testing/envelopes';
import { auditEntryOf, partiesOfOpening } from './audit-entry';
import { auditQueryOf } from './audit-search';

describe('partiesOfOpening', () => {
  it.each([
    ['participant', 'ParticipantRegistered', { participantId: 'LAO' }, ['LAO']],
    ['need', 'NeedPosted', { needId: 'n1', requesterId: 'LAO' }, ['LAO']],
    ['pledge', 'PledgeSubmitted', { pledgeId: 'p1', donorId: 'NOR', recipientId: 'LAO' }, ['NOR']],
    ['allocation', 'AllocationRequested', { allocationId: 'a1', donorId: 'NOR', recipientId: 'LAO' }, ['NOR', 'LAO']],
  ])('names the parties of a %s stream from its %s', (streamType, type, data, parties) => {
    expect(partiesOfOpening({ streamType, type, data })).toEqual(parties);
  });

  it('names nobody from an event that does not open its stream', () => {
    expect(partiesOfOpening({ streamType: 'need', type: 'NeedRevised', data: { requesterId: 'LAO' } })).toBeUndefined();
  });
});

describe('auditEntryOf', () => {
  it('lifts who, when and which stream out of the envelope, keyed by the event id', () => {
    const need = streamOf('need', 'n1');
    need('NeedPosted', { needId: 'n1', requesterId: 'LAO' });
    const envelope = need('NeedRevised', { needId: 'n1' });
    const entry = auditEntryOf(envelope, ['LAO']);
    expect(entry).toMatchObject({
      _id: envelope.eventId,
      eventId: envelope.eventId,
      type: 'NeedRevised',
      streamType: 'need',
      streamId: envelope.streamId,
      version: 2,
      participants: ['LAO'],
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      envelope,
    });
    expect(entry.actor).toEqual(envelope.metadata.actor);
  });
});

describe('auditQueryOf', () => {
  it('ands the filters, an actor matching its subject or participant', () => {
    expect(auditQueryOf({ type: 'NeedPosted', actor: 'LAO', partyTo: 'LAO', from: 'a', to: 'b' }, 'x')).toEqual({
      $and: [
        { type: 'NeedPosted' },
        { $or: [{ 'actor.sub': 'LAO' }, { 'actor.participantId': 'LAO' }] },
        { participants: 'LAO' },
        { recordedAt: { $gte: 'a' } },
        { recordedAt: { $lte: 'b' } },
        { _id: { $gt: 'x' } },
      ],
    });
    expect(auditQueryOf({})).toEqual({});
  });
});
