import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@cm/domain';
import { CommandContext, entryRecordId, PlanApplication, PlanEntry, RequestAllocationCommand } from '@cm/application';
import { InMemoryIdempotencyKeys } from '../../../../../libs/application/src/testing/in-memory-keys';
import { Problem } from '../../problems/problem';
import { problemOf } from '../../problems/problem-mapping';

const context: CommandContext = {
  actor: { sub: 'coordinator-1', role: 'coordinator' },
  now: '2026-03-01T10:00:00.000Z',
  commandId: 'apply-1',
  correlationId: 'corr-1',
};

const entry = (needId: string, pledgeId: string, amount = 100, unit = 'USD'): PlanEntry => ({
  needId,
  pledgeId,
  amountInPledgeUnit: { amount, unit },
});

/** A CommandBus whose allocation handler answers from `outcomes` by need id, recording every command it ran. */
function fakeBus(outcomes: Record<string, () => unknown> = {}) {
  const commands: RequestAllocationCommand[] = [];
  const bus = {
    execute: async (command: RequestAllocationCommand) => {
      commands.push(command);
      const outcome = outcomes[command.request.needId];
      if (outcome) return outcome();
      const id = `alloc-for-${command.context.idempotency?.recordId.slice(0, 8)}`;
      return { id, version: 3, status: 'proposed', consistencyToken: `token-${id}` };
    },
  };
  return { bus: bus as unknown as CommandBus, commands };
}

function applicationWith(bus: CommandBus, units: Record<string, string> = {}) {
  const keys = new InMemoryIdempotencyKeys();
  const application = new PlanApplication(bus, keys, async (pledgeId) => units[pledgeId], problemOf);
  return { application, keys };
}

describe('applying a plan', () => {
  it('proposes each entry through the allocation command with ids derived from the entry, and reports it created', async () => {
    const { bus, commands } = fakeBus();
    const { application } = applicationWith(bus, { p1: 'USD' });
    const report = await application.apply([entry('n1', 'p1', 250.5), entry('n2', 'p1', 10)], context);

    expect(report).toMatchObject({ created: 2, alreadyApplied: 0, failed: 0 });
    expect(report.entries[0]).toMatchObject({
      needId: 'n1',
      pledgeId: 'p1',
      amountInPledgeUnit: { amount: 250.5, unit: 'USD' },
      outcome: 'created',
      status: 'proposed',
      allocationId: expect.any(String),
      consistencyToken: expect.any(String),
    });
    expect(commands.map((c) => ({ ...c.request }))).toEqual([
      { needId: 'n1', pledgeId: 'p1', amount: 250.5 },
      { needId: 'n2', pledgeId: 'p1', amount: 10 },
    ]);
    const [first] = commands;
    expect(first.context).toMatchObject({
      actor: context.actor,
      correlationId: 'corr-1',
      idempotency: { recordId: entryRecordId(entry('n1', 'p1', 250.5)) },
    });
    expect(first.context.commandId).not.toBe(context.commandId);
  });

  it('reports already_applied with the same allocation when the same entry is applied again, and runs nothing', async () => {
    const { bus, commands } = fakeBus();
    const { application } = applicationWith(bus);
    const first = await application.apply([entry('n1', 'p1')], context);
    const again = await application.apply([entry('n1', 'p1'), entry('n1', 'p1', 50)], {
      ...context,
      actor: { sub: 'coordinator-2', role: 'coordinator' },
      commandId: 'apply-2',
    });

    expect(again).toMatchObject({ created: 1, alreadyApplied: 1, failed: 0 });
    expect(again.entries[0]).toMatchObject({
      outcome: 'already_applied',
      allocationId: first.entries[0].allocationId,
      consistencyToken: first.entries[0].consistencyToken,
    });
    expect(again.entries[1].outcome).toBe('created');
    expect(commands).toHaveLength(2);
  });

  it('reports the code of a refusal (the world changed), keeps going, and replays the refusal', async () => {
    const { bus, commands } = fakeBus({
      n1: () => {
        throw new Problem(422, 'OVER_ALLOCATION', 'allocation a1 rejected: pledge p1 has 20.00 USD left');
      },
      n2: () => {
        throw new DomainError('PLEDGE_NOT_OPEN', 'pledge p2 is withdrawn');
      },
    });
    const { application } = applicationWith(bus);
    const entries = [entry('n1', 'p1'), entry('n2', 'p2'), entry('n3', 'p1')];
    const report = await application.apply(entries, context);

    expect(report).toMatchObject({ created: 1, alreadyApplied: 0, failed: 2 });
    expect(report.entries.map((e) => [e.outcome, e.problem?.code])).toEqual([
      ['failed', 'OVER_ALLOCATION'],
      ['failed', 'PLEDGE_NOT_OPEN'],
      ['created', undefined],
    ]);
    expect(report.entries[0].problem).toEqual({
      code: 'OVER_ALLOCATION',
      status: 422,
      detail: 'allocation a1 rejected: pledge p1 has 20.00 USD left',
    });

    const again = await application.apply(entries, context);
    expect(again).toMatchObject({ created: 0, alreadyApplied: 1, failed: 2 });
    expect(commands).toHaveLength(3);
  });

  it('refuses an entry whose amount is not in the unit of its pledge, without running it', async () => {
    const { bus, commands } = fakeBus();
    const { application } = applicationWith(bus, { p1: 'EUR' });
    const report = await application.apply([entry('n1', 'p1', 100, 'USD')], context);
    expect(report.entries[0]).toMatchObject({ outcome: 'failed', problem: { code: 'UNIT_MISMATCH', status: 422 } });
    expect(commands).toHaveLength(0);
  });

  it('stops on an infrastructure failure and forgets that entry, so that applying again runs it', async () => {
    let down = true;
    const { bus, commands } = fakeBus({
      n2: () => {
        if (down) throw Object.assign(new Error('connection refused'), { name: 'MongoNetworkError' });
        return { id: 'a2', version: 3, status: 'proposed', consistencyToken: 't2' };
      },
    });
    const { application, keys } = applicationWith(bus);
    const entries = [entry('n1', 'p1'), entry('n2', 'p1'), entry('n3', 'p1')];
    await expect(application.apply(entries, context)).rejects.toThrow('connection refused');
    expect(keys.records.has(entryRecordId(entries[1]))).toBe(false);

    down = false;
    const again = await application.apply(entries, context);
    expect(again.entries.map((e) => e.outcome)).toEqual(['already_applied', 'created', 'created']);
    expect(commands.map((c) => c.request.needId)).toEqual(['n1', 'n2', 'n2', 'n3']);
  });

  it('does not run an entry another request is applying right now', async () => {
    const { bus, commands } = fakeBus();
    const { application, keys } = applicationWith(bus);
    await keys.claim({
      _id: entryRecordId(entry('n1', 'p1')),
      requestHash: 'x',
      state: 'in_progress',
      createdAt: new Date(),
    });
    const report = await application.apply([entry('n1', 'p1')], context);
    expect(report.entries[0]).toMatchObject({ outcome: 'failed', problem: { code: 'IDEMPOTENCY_KEY_IN_PROGRESS' } });
    expect(commands).toHaveLength(0);
  });
});
