import { MongoClient } from 'mongodb';
import { Role } from '@cm/domain';
import { RunningProcess } from '../support/processes';
import { Answer, send } from './abuse-http';
import { AbuseRequest } from './abuse-request';
import { startAbuseStack } from './abuse-stack';
import { judge, snapshot } from './abuse-verdict';
import { mutatedCommand } from './command-mutations';
import { commandRoutes } from './command-routes';
import { hostileQuery } from './query-mutations';
import { queryRoutes } from './query-routes';
import { Random } from './random';
import { Seeded } from './route-kinds';

/**
 * Our own request fuzzer: ABUSE_COMMANDS mutated bodies over every command route and ABUSE_QUERIES hostile query
 * strings over every GET route, with each role's token, against the real stack. Every answer must be below 500,
 * every command refused (problem+json, a 400 naming the field it broke), and nothing written: the event store and the
 * read models are the same before and after. ABUSE_SEED=<n> replays a run.
 */
const seed = Number(process.env.ABUSE_SEED ?? Date.now() % 2 ** 31);
const commandCount = Number(process.env.ABUSE_COMMANDS ?? 10_000);
const queryCount = Number(process.env.ABUSE_QUERIES ?? 2_000);
const concurrency = 12;

interface Failure {
  index: number;
  request: AbuseRequest;
  answer: Answer;
  why: string;
}

describe(`abuse: hostile requests against the running api (ABUSE_SEED=${seed})`, () => {
  let processes: RunningProcess[] = [];
  let base: string;
  let database: string;
  let mongo: MongoClient;
  let tokens: Record<Role, string>;
  let ids: Seeded;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ processes, base, database, mongo, tokens, ids, stop } = await startAbuseStack('abuse'));
  });

  afterAll(() => stop());

  it(`answers ${commandCount} mutated commands and ${queryCount} hostile queries: no 5xx, no write, every refusal named`, async () => {
    console.log(`abuse: seed ${seed} (replay with ABUSE_SEED=${seed} npm run test:abuse)`);
    const random = new Random(seed);
    const commandNames = Object.keys(commandRoutes);
    const queryNames = Object.keys(queryRoutes);
    const requests: AbuseRequest[] = [];
    for (let i = 0; i < commandCount; i++) {
      const name = i < commandNames.length * 20 ? commandNames[i % commandNames.length] : random.pick(commandNames);
      requests.push(mutatedCommand(random, name, commandRoutes[name], ids));
    }
    for (let i = 0; i < queryCount; i++) {
      const name = i < queryNames.length * 20 ? queryNames[i % queryNames.length] : random.pick(queryNames);
      requests.push(hostileQuery(random, name, queryRoutes[name], ids));
    }
    shuffle(random, requests);

    // The relay and projector finish the seeding's work first: the relay drops an outbox marker only some seconds
    // after it published the stream, so wait for an empty outbox; then two snapshots a second apart must agree.
    const outbox = mongo.db(database).collection('event_outbox');
    for (const deadline = Date.now() + 120_000; (await outbox.countDocuments()) > 0;) {
      if (Date.now() > deadline) throw new Error('the relay did not drain the outbox within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    let before = await snapshot(mongo, database);
    for (let settled = false; !settled;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await snapshot(mongo, database);
      settled = JSON.stringify(again) === JSON.stringify(before);
      before = again;
    }
    const started = Date.now();
    const failures: Failure[] = [];
    const statuses = new Map<string, number>();
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (let index = next++; index < requests.length; index = next++) {
        const request = requests[index];
        const answer = await send(base, request, tokens);
        const why = judge(request, answer);
        if (why) failures.push({ index, request, answer, why });
        const key = `${request.method === 'GET' ? 'query' : 'command'} ${answer.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (++done % 2_500 === 0) {
          console.log(
            `abuse: ${done}/${requests.length} requests, ${failures.length} failures, ${Date.now() - started} ms`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = Date.now() - started;
    // A write that slipped through would reach the read models through the relay and projector: give them time.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = await snapshot(mongo, database);

    console.log(
      `abuse: ${requests.length} requests in ${elapsed} ms (${Math.round((requests.length / elapsed) * 1000)}/s); ` +
        `answers: ${[...statuses]
          .sort()
          .map(([key, count]) => `${key}: ${count}`)
          .join(', ')}`,
    );
    const report = failures
      .slice(0, 15)
      .map(
        ({ index, request, answer, why }) =>
          `#${index} ${request.method} ${request.path.slice(0, 120)} as ${request.role} [${request.breaker ?? ''}` +
          `${request.edges.length ? ` + ${request.edges.join(', ')}` : ''}] → ${answer.status}: ${why}\n` +
          `    body: ${(request.body ?? '').slice(0, 200)}\n    answer: ${answer.text.slice(0, 300)}`,
      )
      .join('\n');
    expect({ seed, failures: failures.length, report }).toEqual({ seed, failures: 0, report: '' });
    console.log(
      `abuse: guarded collections: ${Object.entries(after.guarded)
        .map(([c, state]) => `${c} (${state})`)
        .join(', ')}`,
    );
    expect(after.guarded).toEqual(before.guarded);
    expect(processes.map((process) => process.child.exitCode)).toEqual([null, null, null]);
    expect(Object.keys(before.guarded)).toEqual(expect.arrayContaining(['events']));
  }, 1_200_000);
});

function shuffle<T>(random: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}
