import { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { testKafka, uniqueName } from '../../../../test/support/servers';
import { waitFor } from '../../../../test/support/processes';
import { ConsumedMessage } from './consumed-message';
import { ConsumerRunner } from './consumer-runner';
import { deadLetterTopic } from './dead-letters';
import { ConsumerMetrics } from './consumer-metrics';

describe('the consumer runner on the real broker', () => {
  let kafka: Kafka;
  const topic = `${uniqueName('runner')}.events`;

  beforeAll(async () => {
    kafka = testKafka();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: ['good-1', 'poison', 'good-2'].map((value) => ({ key: 'stream-1', value, headers: { type: value } })),
    });
    await producer.disconnect();
  });

  it('dead-letters a message whose handler always throws after the configured attempts, and moves on', async () => {
    const groupId = uniqueName('group');
    const handled: string[] = [];
    const attempts = new Map<string, number>();
    const metrics = new ConsumerMetrics(new Registry());
    const runner = new ConsumerRunner(kafka, {
      groupId,
      topics: [topic],
      maxAttempts: 3,
      initialBackoffMs: 10,
      metrics,
      handle: async (message: ConsumedMessage) => {
        const value = message.value!.toString();
        attempts.set(value, (attempts.get(value) ?? 0) + 1);
        if (value === 'poison') throw new Error('cannot project this');
        handled.push(value);
      },
    });
    await runner.start();
    await waitFor(async () => (handled.length === 2 ? true : undefined), 'both good messages');
    await runner.stop();

    expect(handled).toEqual(['good-1', 'good-2']);
    expect(attempts.get('poison')).toBe(3);

    const dlq: { value: string; headers: Record<string, string> }[] = [];
    const reader = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    await reader.connect();
    await reader.subscribe({ topic: deadLetterTopic(topic, groupId), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        dlq.push({
          value: message.value!.toString(),
          headers: Object.fromEntries(Object.entries(message.headers!).map(([k, v]) => [k, String(v)])),
        });
      },
    });
    await waitFor(async () => (dlq.length === 1 ? true : undefined), 'the dead letter');
    await reader.disconnect();
    expect(dlq[0]).toMatchObject({
      value: 'poison',
      headers: {
        type: 'poison',
        'dlq.error': 'cannot project this',
        'dlq.topic': topic,
        'dlq.partition': '0',
        'dlq.offset': '1',
        'dlq.group': groupId,
        'dlq.attempts': '3',
      },
    });
    const outcomes = (await metrics.messages.get()).values.map((v) => [v.labels.outcome, v.value]);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        ['processed', 2],
        ['dead_lettered', 1],
      ]),
    );
  });

  it('commits offsets only after the handler succeeded: a restarted group resumes after the last success', async () => {
    const groupId = uniqueName('resume');
    const seen: string[] = [];
    const first = new ConsumerRunner(kafka, {
      groupId,
      topics: [topic],
      maxAttempts: 1000,
      initialBackoffMs: 20,
      metrics: new ConsumerMetrics(new Registry()),
      handle: async (message) => {
        const value = message.value!.toString();
        if (value === 'poison') throw new Error('transient outage');
        seen.push(value);
      },
    });
    await first.start();
    await waitFor(async () => (seen.length === 1 ? true : undefined), 'the first message');
    await new Promise((resolve) => setTimeout(resolve, 300)); // stuck retrying the poison message
    await first.stop();

    const resumed: string[] = [];
    const second = new ConsumerRunner(kafka, {
      groupId,
      topics: [topic],
      metrics: new ConsumerMetrics(new Registry()),
      handle: async (message) => {
        resumed.push(message.value!.toString());
      },
    });
    await second.start();
    await waitFor(async () => (resumed.length === 2 ? true : undefined), 'the rest after the restart');
    await second.stop();
    expect(seen).toEqual(['good-1']);
    expect(resumed).toEqual(['poison', 'good-2']);
  });

  it('applies batches whole, and replays a failing batch one by one so only the poison is dead-lettered', async () => {
    const groupId = uniqueName('batch');
    const batches: string[][] = [];
    const single: string[] = [];
    const runner = new ConsumerRunner(kafka, {
      groupId,
      topics: [topic],
      maxAttempts: 2,
      initialBackoffMs: 10,
      metrics: new ConsumerMetrics(new Registry()),
      handleBatch: async (messages) => {
        const values = messages.map((message) => message.value!.toString());
        if (values.includes('poison')) throw new Error('a poison message in the batch');
        batches.push(values);
      },
      handle: async (message) => {
        const value = message.value!.toString();
        if (value === 'poison') throw new Error('cannot project this');
        single.push(value);
      },
    });
    await runner.start();
    await waitFor(async () => (single.length + batches.flat().length === 2 ? true : undefined), 'the good messages');
    await runner.stop();
    expect([...batches.flat(), ...single].sort()).toEqual(['good-1', 'good-2']);
    const dlq = kafka.consumer({ groupId: uniqueName('dlq-batch') });
    const dead: string[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: deadLetterTopic(topic, groupId), fromBeginning: true });
    await dlq.run({ eachMessage: async ({ message }) => void dead.push(message.value!.toString()) });
    await waitFor(async () => (dead.length === 1 ? true : undefined), 'the dead letter');
    await dlq.disconnect();
    expect(dead).toEqual(['poison']);
  });
});
