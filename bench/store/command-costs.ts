/**
 * Round trips per command through the command executor on the MongoDB event store, counted by driver command
 * monitoring: a command creating a stream, commands on a stream in use, and a command decided on a state another
 * process had changed. Head writes (`update event_streams`) are off the answer's path (written in the background) and
 * are shown apart.
 */
import type { Db, MongoClient } from 'mongodb';
import { eventRegistrations, needAggregate } from '@cm/domain';
import { EventTypeRegistry, MongoEventStore } from '@cm/event-store';
import { CommandExecutor, ConsistencyTokens } from '@cm/application';
import { countRoundTrips } from '../round-trips';

export interface CommandCost {
  command: string;
  samples: number;
  /** Mean commands per command on the answer's path, and off it (head writes). */
  awaited: number;
  background: number;
  by: Record<string, number>;
}

const laos = { sub: 'lao-1', role: 'affected_state' as const, participantId: 'LAO' };
const HEAD_WRITE = 'update event_streams';

export async function commandCosts(client: MongoClient, db: Db, samples = 40): Promise<CommandCost[]> {
  const executorOf = () =>
    new CommandExecutor(new MongoEventStore(db, new EventTypeRegistry(eventRegistrations)), new ConsistencyTokens(db));
  const [ours, other] = [executorOf(), executorOf()];
  let n = 0;
  const context = () => ({ actor: laos, now: new Date().toISOString(), commandId: `cost-${++n}`, correlationId: 'c' });
  const post = (needId: string) => ({
    type: 'PostNeed' as const,
    data: {
      needId,
      requesterId: 'LAO',
      pillar: 'clearance' as const,
      assistanceType: 'financial' as const,
      title: 'Survey',
      quantity: { amount: '1000.00', unit: 'USD' },
      priority: 'high' as const,
    },
  });
  const revise = (needId: string, description: string) => ({
    type: 'ReviseNeed' as const,
    data: { needId, description },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30)); // lets the background head write start

  const trips = countRoundTrips(client);
  const measured: Record<string, { samples: number; by: Record<string, number> }> = {};
  const record = (command: string) => {
    const { by } = trips.take();
    const row = (measured[command] ??= { samples: 0, by: {} });
    row.samples++;
    for (const [key, count] of Object.entries(by)) row.by[key] = (row.by[key] ?? 0) + count;
  };
  for (let sample = 0; sample < samples; sample++) {
    const needId = `cost-${Date.now().toString(36)}-${sample}`;
    trips.take();
    await ours.execute(needAggregate, needId, post(needId), context());
    await settle();
    record('create a stream (PostNeed)');
    await ours.execute(needAggregate, needId, revise(needId, 'a'), context());
    await settle();
    record('command on a stream in use (ReviseNeed)');
    await other.execute(needAggregate, needId, revise(needId, 'b'), context());
    await settle();
    trips.take();
    await ours.execute(needAggregate, needId, revise(needId, 'c'), context());
    await settle();
    record('command after another process wrote the stream');
  }
  trips.stop();
  return Object.entries(measured).map(([command, { samples: count, by }]) => {
    const mean = Object.fromEntries(Object.entries(by).map(([key, total]) => [key, total / count]));
    const background = mean[HEAD_WRITE] ?? 0;
    const all = Object.values(mean).reduce((sum, value) => sum + value, 0);
    return { command, samples: count, awaited: all - background, background, by: mean };
  });
}

export function costTable(costs: CommandCost[]): string {
  const lines = [
    '| command | samples | round trips awaited | off the path (head) | by operation |',
    '|---|---:|---:|---:|---|',
  ];
  for (const cost of costs) {
    const by = Object.entries(cost.by)
      .map(([key, mean]) => `${key} ${mean.toFixed(2)}`)
      .join(', ');
    lines.push(
      `| ${cost.command} | ${cost.samples} | ${cost.awaited.toFixed(2)} | ${cost.background.toFixed(2)} | ${by} |`,
    );
  }
  return lines.join('\n');
}
