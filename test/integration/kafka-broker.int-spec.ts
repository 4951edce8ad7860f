import { Kafka } from 'kafkajs';
import { testKafka, uniqueName } from '../support/servers';

describe('the local Kafka broker through kafkajs', () => {
  let kafka: Kafka;
  const topic = `${uniqueName('smoke')}.events`;

  beforeAll(() => {
    kafka = testKafka();
  });

  it('creates a topic, produces a keyed message idempotently and consumes it in a group', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] },
      ],
      waitForLeaders: true,
    });
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata.partitions).toHaveLength(3);

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const [sent] = await producer.send({
      topic,
      acks: -1,
      messages: [{ key: 'need-LAO-1', value: JSON.stringify({ type: 'NeedPosted' }), headers: { type: 'NeedPosted' } }],
    });
    expect(sent.errorCode).toBe(0);

    const consumer = kafka.consumer({ groupId: uniqueName('group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{ key: string; value: string; type: string; partition: number }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message, partition }) =>
          resolve({
            key: message.key!.toString(),
            value: message.value!.toString(),
            type: message.headers!.type!.toString(),
            partition,
          }),
      });
    });
    expect(received).toEqual({
      key: 'need-LAO-1',
      value: '{"type":"NeedPosted"}',
      type: 'NeedPosted',
      partition: sent.partition,
    });

    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });
});
