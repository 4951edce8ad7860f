import type { Db } from 'mongodb';
import { DomainError, eventRegistrations, needAggregate } from '@cm/domain';
import { EventTypeRegistry } from '@cm/event-store';
import { InMemoryEventStore } from '../../event-store/src/testing';
import { CommandContext } from './command-context';
import { CommandExecutor } from './command-executor';
import { PreconditionFailed } from './errors';
import { ConsistencyTokens } from './consistency/consistency-tokens';

const laos = { sub: 'lao-1', role: 'affected_state' as const, participantId: 'LAO' };
let commands = 0;
const contextOf = (): CommandContext => ({
  actor: laos,
  now: '2026-03-01T12:00:00Z',
  commandId: `command-${++commands}`,
  correlationId: 'spec',
});
const posting = {
  type: 'PostNeed' as const,
  data: {
    needId: 'n1',
    requesterId: 'LAO',
    pillar: 'clearance' as const,
    assistanceType: 'financial' as const,
    title: 'Survey of Xieng Khouang',
    quantity: { amount: '1000.00', unit: 'USD' },
    priority: 'high' as const,
  },
};
const revising = (data: { priority?: 'low' | 'high'; description?: string }) => ({
  type: 'ReviseNeed' as const,
  data: { needId: 'n1', ...data },
});

/** Two api processes over one store: each executor keeps the states it decided on, the store is shared. */
function twoProcesses() {
  const store = new InMemoryEventStore(new EventTypeRegistry(eventRegistrations));
  const reads = jest.spyOn(store, 'readStream');
  const tokens = new ConsistencyTokens({} as Db); // issuing tokens is not exercised here
  return { store, reads, a: new CommandExecutor(store, tokens), b: new CommandExecutor(store, tokens) };
}

describe('CommandExecutor, keeping the state it decided on', () => {
  it('decides a command on a stream it just wrote without reading the stream again', async () => {
    const { a, reads } = twoProcesses();
    await a.execute(needAggregate, 'n1', posting, contextOf());
    reads.mockClear();
    await a.execute(needAggregate, 'n1', revising({ description: 'first' }), contextOf());
    const second = await a.execute(needAggregate, 'n1', revising({ description: 'second' }), contextOf());
    expect(reads).not.toHaveBeenCalled();
    expect(second.version).toBe(3);
  });

  it('refuses what the stored state refuses although the kept state would have allowed it', async () => {
    const { a, b, store } = twoProcesses();
    await a.execute(needAggregate, 'n1', posting, contextOf());
    await b.execute(needAggregate, 'n1', { type: 'WithdrawNeed', data: { needId: 'n1', reason: 'done' } }, contextOf());

    const revise = a.execute(needAggregate, 'n1', revising({ description: 'late' }), contextOf());
    await expect(revise).rejects.toBeInstanceOf(DomainError);
    expect((await store.readStream('need-n1')).events.map((event) => event.type)).toEqual([
      'NeedPosted',
      'NeedWithdrawn',
    ]);
  });

  it('appends what the stored state needs although the kept state found nothing to do', async () => {
    const { a, b, store } = twoProcesses();
    await a.execute(needAggregate, 'n1', posting, contextOf());
    await b.execute(needAggregate, 'n1', revising({ priority: 'low' }), contextOf());

    const back = await a.execute(needAggregate, 'n1', revising({ priority: 'high' }), contextOf());
    expect(back.events).toHaveLength(1);
    expect(back.state).toMatchObject({ priority: 'high' });
    expect((await store.readStream('need-n1')).version).toBe(3);
  });

  it('checks If-Match against the stored version, not the kept one', async () => {
    const { a, b } = twoProcesses();
    await a.execute(needAggregate, 'n1', posting, contextOf());
    const changed = await b.execute(needAggregate, 'n1', revising({ priority: 'low' }), contextOf());

    const next = await a.execute(needAggregate, 'n1', revising({ description: 'seen v2' }), contextOf(), {
      ifMatch: changed.version,
    });
    expect(next.version).toBe(3);
    const stale = a.execute(needAggregate, 'n1', revising({ description: 'seen v1' }), contextOf(), { ifMatch: 1 });
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailed);
  });
});
