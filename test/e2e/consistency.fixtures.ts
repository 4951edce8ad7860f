import fc from 'fast-check';
import { allocationDecider, needDecider, pledgeDecider, toNumber } from '@cm/domain';
import type { ActorStack } from '../support/actor-stack';

export const material = { assistanceType: 'material', category: 'metal_detectors', pillar: 'clearance' };

export type Kind = 'need' | 'pledge' | 'allocation';
export interface Touched {
  kind: Kind;
  id: string;
}
export interface World {
  needs: string[];
  pledges: string[];
  allocations: { id: string; needId: string; pledgeId: string; status: string; recorded: string[] }[];
}

/** One step of a random sequence: which command, and numbers that pick its target and amount. */
export const step = fc.record({
  command: fc.constantFrom(
    'need',
    'pledge',
    'allocate',
    'accept',
    'deliver',
    'confirm',
    'decline',
    'cancel',
    'withdraw',
  ),
  pick: fc.nat(),
  amount: fc.integer({ min: 1, max: 40 }),
});

export type Step = { command: string; pick: number; amount: number };

/** The record as the write side has it now: its stream folded with the domain's own evolve. */
export const writeSideOf =
  (store: ActorStack['store']) =>
  async ({ kind, id }: Touched) => {
    const { events, version } = await store.readStream(`${kind}-${id}`);
    const decider = { need: needDecider, pledge: pledgeDecider, allocation: allocationDecider }[kind];
    const state = events.reduce(
      (current: unknown, event) => (decider.evolve as (s: unknown, e: unknown) => unknown)(current, event),
      decider.initialState,
    ) as { status: string; allocated?: { amount: string; unit: string }; delivered?: { amount: string; unit: string } };
    return {
      version,
      status: state.status,
      ...(state.allocated && { allocated: toNumber(state.allocated as never) }),
      ...(state.delivered && { delivered: toNumber(state.delivered as never) }),
    };
  };

/** Runs one step against the world; answers what it changed and its token, or nothing when it was refused. */
export const commandRunnerOf =
  (send: (method: string, path: string, as: string, body?: unknown) => ReturnType<ActorStack['send']>) =>
  async (world: World, { command, pick, amount }: Step) => {
    const of = <T>(list: T[]) => (list.length ? list[pick % list.length] : undefined);
    const allocation = (statuses: string[]) => of(world.allocations.filter((a) => statuses.includes(a.status)));
    const sides = (a: World['allocations'][number]): Touched[] => [
      { kind: 'allocation', id: a.id },
      { kind: 'need', id: a.needId },
      { kind: 'pledge', id: a.pledgeId },
    ];
    switch (command) {
      case 'need': {
        const answer = await send('POST', '/needs', 'LAO', {
          ...material,
          requesterId: 'LAO',
          title: 'Metal detectors',
          quantity: { amount: 100, unit: 'items' },
          priority: 'high',
        });
        world.needs.push(answer.body.id as string);
        return { answer, touched: [{ kind: 'need', id: answer.body.id as string }] as Touched[] };
      }
      case 'pledge': {
        const { pillar: _pillar, ...terms } = material;
        const answer = await send('POST', '/pledges', 'NOR', {
          ...terms,
          donorId: 'NOR',
          pillars: ['clearance'],
          quantity: { amount: 100, unit: 'items' },
        });
        world.pledges.push(answer.body.id as string);
        return { answer, touched: [{ kind: 'pledge', id: answer.body.id as string }] as Touched[] };
      }
      case 'allocate': {
        const needId = of(world.needs);
        const pledgeId = of([...world.pledges].reverse());
        if (!needId || !pledgeId) return undefined;
        const answer = await send('POST', '/allocations', 'coordinator', { needId, pledgeId, amount });
        if (answer.status !== 201) return { answer, touched: [] };
        const created = { id: answer.body.id as string, needId, pledgeId, status: 'proposed', recorded: [] };
        world.allocations.push(created);
        return { answer, touched: sides(created) };
      }
      case 'accept':
      case 'decline': {
        const target = allocation(['proposed']);
        if (!target) return undefined;
        const answer = await send('POST', `/allocations/${target.id}/${command}`, 'LAO', { reason: 'property test' });
        if (answer.status === 200) target.status = answer.body.status as string;
        return { answer, touched: sides(target) };
      }
      case 'cancel': {
        const target = allocation(['proposed', 'accepted', 'partially_delivered']);
        if (!target) return undefined;
        const answer = await send('POST', `/allocations/${target.id}/cancel`, 'NOR', { reason: 'property test' });
        if (answer.status === 200) target.status = answer.body.status as string;
        return { answer, touched: sides(target) };
      }
      case 'deliver': {
        const target = allocation(['accepted', 'partially_delivered']);
        if (!target) return undefined;
        const answer = await send('POST', `/allocations/${target.id}/deliveries`, 'NOR', {
          amount: Math.max(1, amount % 10),
          deliveredOn: '2025-05-01',
        });
        if (answer.status === 201) target.recorded.push(answer.body.id as string);
        return { answer, touched: sides(target) };
      }
      case 'confirm': {
        const target = of(world.allocations.filter((a) => a.recorded.length > 0));
        if (!target) return undefined;
        const deliveryId = target.recorded.shift()!;
        const answer = await send('POST', `/allocations/${target.id}/deliveries/${deliveryId}/confirm`, 'LAO', {});
        if (answer.status === 200) target.status = answer.body.status as string;
        return { answer, touched: sides(target) };
      }
      case 'withdraw': {
        const needId = of(world.needs);
        if (!needId) return undefined;
        const answer = await send('POST', `/needs/${needId}/withdraw`, 'LAO', { reason: 'property test' });
        const cancelled = world.allocations.filter((a) => a.needId === needId);
        return { answer, touched: [{ kind: 'need', id: needId }, ...cancelled.flatMap(sides)] as Touched[] };
      }
    }
    return undefined;
  };
