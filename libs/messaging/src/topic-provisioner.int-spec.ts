import { Kafka } from 'kafkajs';
import { testKafka, uniqueName } from '../../../test/support/servers';
import { ConsumerRunner } from './consumer/consumer-runner';
import { deadLetterTopic } from './consumer/dead-letters';
import { ensureEventTopics } from './topic-provisioner';
import { streamTopics, topicFor } from './topics';

/**
 * A rebuild creates topics (dead-letter topics of its new consumer groups, several rebuilds at once) and uses them at
 * once. kafkajs' createTopics with waitForLeaders threw "This server does not host this topic-partition" for a few
 * in every fifty parallel creations on this broker: the topic had been created, but the broker's metadata had not
 * caught up yet.
 */
describe('topic creation on the real broker, many at once', () => {
  let kafka: Kafka;

  beforeAll(() => {
    kafka = testKafka();
  });

  it('creates event topics for many prefixes in parallel, each served by its leader as soon as it returns', async () => {
    const prefixes = Array.from({ length: 16 }, () => `${uniqueName('prov')}.`);
    const created = await Promise.all(
      prefixes.map((prefix) => ensureEventTopics(kafka, { prefix, partitions: 3, replicationFactor: 1 })),
    );
    expect(created.map((names) => names.length)).toEqual(prefixes.map(() => Object.keys(streamTopics).length));
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const prefix of prefixes) {
        const offsets = await admin.fetchTopicOffsets(topicFor('need', prefix));
        expect(offsets.map((o) => [o.partition, o.high]).sort()).toEqual([
          [0, '0'],
          [1, '0'],
          [2, '0'],
        ]);
      }
    } finally {
      await admin.disconnect();
    }
    // Created again: everything exists, nothing is created, nothing fails.
    expect(await ensureEventTopics(kafka, { prefix: prefixes[0], partitions: 3, replicationFactor: 1 })).toEqual([]);
  });

  it('starts many consumer runners of new groups at once, each with its dead-letter topic ready', async () => {
    const topic = `${uniqueName('prov')}.events`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const groups = Array.from({ length: 24 }, () => uniqueName('group'));
    const runners = groups.map(
      (groupId) => new ConsumerRunner(kafka, { groupId, topics: [topic], handle: async () => undefined }),
    );
    try {
      await Promise.all(runners.map((runner) => runner.start()));
      for (const groupId of groups) {
        const [offsets] = await admin.fetchTopicOffsets(deadLetterTopic(topic, groupId));
        expect(offsets.high).toBe('0');
      }
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
      await admin.disconnect();
    }
  });
});
