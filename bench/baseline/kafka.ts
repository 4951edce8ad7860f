/**
 * Raw kafkajs figures on the local broker: produce one awaited message at a time with the relay's producer settings
 * (idempotent, acks=-1, one request in flight), produce batches, and consume from the beginning with a fresh group.
 */
import { Admin, Consumer, Kafka, logLevel, Message, Partitioners, Producer } from 'kafkajs';
import { consumeFromBeginning, type ConsumeMode } from './kafka-consume';
import { elapsedSeconds, Log, measure, Measurement, now, Step } from './measure';

export interface KafkaBaselineOptions {
  brokers: string[];
  /** Prefix of every topic and consumer group this run creates; unique per run. */
  prefix: string;
  messageBytes: number;
  partitions: number;
  batchSize: number;
  maxSeconds: number;
  warmupSeconds: number;
  log: Log;
}

export interface KafkaBaselineResult {
  measurements: Measurement[];
  /** From consumer.run() to the first delivered batch, per consumer mode: a fresh group's join and first fetch. */
  joinSeconds: { eachBatch?: number; eachMessage?: number };
}

export async function measureKafka(options: KafkaBaselineOptions): Promise<KafkaBaselineResult> {
  const { log, prefix } = options;
  const kafka = new Kafka({
    clientId: 'cm-article6-bench-baseline',
    brokers: options.brokers,
    logLevel: logLevel.ERROR,
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 300, retries: 8 },
  });
  const singleTopic = `${prefix}.produce-single`;
  const batchTopic = `${prefix}.produce-batch`;
  const groups: string[] = [];
  const admin = kafka.admin();
  const producers: Producer[] = [];
  const consumers: Consumer[] = [];
  let topicsCreated = false;
  try {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [singleTopic, batchTopic].map((topic) => ({
        topic,
        numPartitions: options.partitions,
        replicationFactor: 1,
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      })),
    });
    topicsCreated = true;
    log(`Kafka ${options.brokers.join(',')}: topics ${singleTopic}, ${batchTopic} (${options.partitions} partitions)`);

    const payload = messageFactory(options.messageBytes);
    const step = (key: Step['key'], operation: string, maxOps: number, extra: Partial<Step> = {}): Step => ({
      key,
      operation,
      maxOps,
      maxSeconds: options.maxSeconds,
      warmupOps: Math.max(20, Math.round(maxOps / 20)),
      warmupSeconds: options.warmupSeconds,
      ...extra,
    });
    const measurements: Measurement[] = [];

    // The outbox relay's producer: idempotent, acks=-1, one request in flight, one awaited send per message.
    const relayProducer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    producers.push(relayProducer);
    await relayProducer.connect();
    measurements.push(
      await measure(
        (i) => relayProducer.send({ topic: singleTopic, acks: -1, messages: [payload(i)] }),
        step('kafka.produce.idempotent', 'kafka send ×1 msg, idempotent, acks=-1, 1 in flight (msgs)', 8_000),
        log,
      ),
    );

    const batchProducer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    producers.push(batchProducer);
    await batchProducer.connect();
    const batch = options.batchSize;
    measurements.push(
      await measure(
        (i) =>
          batchProducer.send({
            topic: batchTopic,
            acks: -1,
            messages: Array.from({ length: batch }, (_, j) => payload(i * batch + j)),
          }),
        step('kafka.produce.batch', `kafka send ${batch} msgs/batch, acks=-1 (msgs)`, 1_500, {
          unitsPerOp: batch,
          warmupOps: 10,
        }),
        log,
      ),
    );

    // Everything produced to the batch topic (warm-up included) is what the consumers read from the beginning.
    const offsets = await admin.fetchTopicOffsets(batchTopic);
    const total = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    const consume = (mode: ConsumeMode, limit: number) =>
      consumeFromBeginning(kafka, batchTopic, `${prefix}.group-${mode}-${groups.length}`, mode, limit, options, {
        groups,
        consumers,
      });

    // Warm-up: a throwaway group reads a slice of the topic with each handler style.
    log(`  kafka consume: warming up (a throwaway group per mode reads ≤${Math.min(total, 2_000)} msgs)…`);
    await consume('eachBatch', Math.min(total, 2_000));
    await consume('eachMessage', Math.min(total, 2_000));

    const joinSeconds: KafkaBaselineResult['joinSeconds'] = {};
    for (const mode of ['eachBatch', 'eachMessage'] as const) {
      const operation = `kafka consume ${mode}, fresh group, ${options.partitions} partitions (msgs)`;
      log(`  ${operation}: timing (${total} msgs from the beginning, ≤${options.maxSeconds}s)…`);
      const result = await consume(mode, total);
      joinSeconds[mode] = result.joinSeconds;
      const measurement: Measurement = {
        key: `kafka.consume.${mode}`,
        operation,
        count: result.count,
        seconds: result.seconds,
        opsPerSecond: result.count / result.seconds,
        note: `timed from the first delivered batch; the group's join and first fetch took ${result.joinSeconds.toFixed(2)}s`,
      };
      log(`  ${operation}: ${result.count} in ${result.seconds.toFixed(2)}s; join ${result.joinSeconds.toFixed(2)}s`);
      measurements.push(measurement);
    }
    return { measurements, joinSeconds };
  } finally {
    for (const client of [...consumers, ...producers]) await client.disconnect().catch(() => undefined);
    await cleanUp(admin, topicsCreated ? [singleTopic, batchTopic] : [], groups, log);
  }
}

/** 1 KB-ish JSON values keyed over 64 stream ids, as the relay would key them. */
function messageFactory(bytes: number): (seq: number) => Message {
  const padding = 'x'.repeat(bytes);
  return (seq) => {
    const head = `{"seq":${seq},"type":"BaselineMessageRecorded","pad":"`;
    return {
      key: `stream-${String(seq % 64).padStart(4, '0')}`,
      value: `${head}${padding.slice(0, Math.max(0, bytes - head.length - 2))}"}`,
    };
  };
}

async function cleanUp(admin: Admin, topics: string[], groups: string[], log: Log): Promise<void> {
  const started = now();
  try {
    if (groups.length > 0) {
      await admin.deleteGroups(groups).catch((error: unknown) => log(`could not delete consumer groups: ${error}`));
    }
    if (topics.length > 0) {
      await admin.deleteTopics({ topics }).catch((error: unknown) => log(`could not delete topics: ${error}`));
    }
  } finally {
    await admin.disconnect();
  }
  log(
    `Kafka: deleted ${topics.length} topics and ${groups.length} groups, clients disconnected (${elapsedSeconds(started).toFixed(1)}s)`,
  );
}
