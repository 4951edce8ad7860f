import { Actor, DomainEvent } from '@cm/domain';
import { mayReadStream, partiesOf } from './stream-parties';

const event = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data });
const norway: Actor = { sub: 'nor-1', role: 'donor', participantId: 'NOR' };
const germany: Actor = { sub: 'deu-1', role: 'donor', participantId: 'DEU' };
const laos: Actor = { sub: 'lao-1', role: 'affected_state', participantId: 'LAO' };
const vietnam: Actor = { sub: 'vnm-1', role: 'affected_state', participantId: 'VNM' };

describe('partiesOf', () => {
  it('names the registered participant of a participant stream', () => {
    expect(partiesOf('participant', event('ParticipantRegistered', { participantId: 'LAO' }))).toEqual(['LAO']);
  });

  it("names a need's requester", () => {
    expect(partiesOf('need', event('NeedPosted', { needId: 'n1', requesterId: 'LAO' }))).toEqual(['LAO']);
  });

  it("names a pledge's donor, not its targeted recipient", () => {
    const submitted = event('PledgeSubmitted', { pledgeId: 'p1', donorId: 'NOR', recipientId: 'LAO' });
    expect(partiesOf('pledge', submitted)).toEqual(['NOR']);
  });

  it("names both the pledge's donor and the need's requester of an allocation", () => {
    const requested = event('AllocationRequested', { allocationId: 'a1', donorId: 'NOR', recipientId: 'LAO' });
    expect(partiesOf('allocation', requested)).toEqual(['NOR', 'LAO']);
  });

  it('names nobody for a stream that does not open the way its type does', () => {
    expect(partiesOf('need', event('NeedRevised', { needId: 'n1', requesterId: 'LAO' }))).toEqual([]);
    expect(partiesOf('pledge', undefined)).toEqual([]);
  });
});

describe('mayReadStream', () => {
  it.each(['analyst', 'coordinator', 'admin'] as const)('lets a %s read any stream', (role) => {
    expect(mayReadStream({ sub: 'staff', role }, [])).toBe(true);
    expect(mayReadStream({ sub: 'staff', role }, ['NOR'])).toBe(true);
  });

  it('lets a donor read the streams it is party to, and no other', () => {
    expect(mayReadStream(norway, ['NOR'])).toBe(true);
    expect(mayReadStream(norway, ['NOR', 'LAO'])).toBe(true);
    expect(mayReadStream(germany, ['NOR'])).toBe(false);
    expect(mayReadStream(germany, ['NOR', 'LAO'])).toBe(false);
  });

  it('lets an affected State read its needs and the allocations made to them, and no other', () => {
    expect(mayReadStream(laos, ['LAO'])).toBe(true);
    expect(mayReadStream(laos, ['NOR', 'LAO'])).toBe(true);
    expect(mayReadStream(vietnam, ['NOR', 'LAO'])).toBe(false);
  });

  it('refuses a participant role without a participant id', () => {
    expect(mayReadStream({ sub: 'x', role: 'donor' }, ['NOR'])).toBe(false);
    expect(mayReadStream({ sub: 'x', role: 'donor' }, [])).toBe(false);
  });
});
