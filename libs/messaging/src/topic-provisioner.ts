import { Admin, ITopicConfig, Kafka } from 'kafkajs';
import { eventTopicConfigs, TopicSettings } from './topics';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A wait that does not keep the process alive on its own (a waiting consumer must not block a shutdown). */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Creates the missing event topics; existing topics are left exactly as they are. Returns the names it created.
 * The relay is the one owner of the event topics: it calls this at start (apps/relay, EventTopics); the projector
 * and the api's live feed only wait for them (`waitForTopics`). Dead-letter topics belong to their consumer group
 * and are created by its ConsumerRunner.
 */
export async function ensureEventTopics(kafka: Kafka, settings: TopicSettings): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = eventTopicConfigs(settings).filter((config) => !existing.has(config.topic));
    if (missing.length > 0) await createTopicsWithLeaders(admin, missing);
    return missing.map((config) => config.topic);
  } finally {
    await admin.disconnect();
  }
}

/** The topics of `wanted` that do not exist (yet). */
export async function missingTopics(kafka: Kafka, wanted: readonly string[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    return wanted.filter((topic) => !existing.has(topic));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Resolves once every topic exists, asking every `pollMs` (a broker that does not answer counts as not yet);
 * rejects after `timeoutMs` when one is given.
 */
export async function waitForTopics(
  kafka: Kafka,
  wanted: readonly string[],
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  let missing: readonly string[] = wanted;
  for (;;) {
    missing = await missingTopics(kafka, wanted).catch(() => missing);
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`topics ${missing.join(', ')} do not exist (the relay creates the event topics)`);
    }
    await pause(options.pollMs ?? 500);
  }
}

/** A kafkajs error (or the last error of its retries) that the broker marks as worth retrying. */
function isRetriable(error: unknown): boolean {
  const candidate = error as { retriable?: boolean; originalError?: { retriable?: boolean } } | undefined;
  return candidate?.retriable === true || candidate?.originalError?.retriable === true;
}

/**
 * Creates topics (those that exist already are fine) and returns only once every partition of each has a leader
 * that serves it. kafkajs' own `waitForLeaders` asks one broker once and retries only LEADER_NOT_AVAILABLE: a broker
 * whose metadata has not caught up with the controller yet answers UNKNOWN_TOPIC_OR_PARTITION ("This server does not
 * host this topic-partition"), which `createTopics` throws although the topic was created (kafkajs#815). So this
 * creates without that wait, then polls the metadata until every partition has a leader and asks each leader for
 * its offsets (ListOffsets fails until the leader hosts the partition), retrying retriable errors until `timeoutMs`.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: ITopicConfig[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const retrying = async (what: string, attempt: () => Promise<boolean>): Promise<void> => {
    let lastError: unknown;
    for (;;) {
      try {
        if (await attempt()) return;
      } catch (error) {
        if (!isRetriable(error)) throw error;
        lastError = error;
      }
      if (Date.now() > deadline) {
        const reason = lastError ? `: ${(lastError as Error).message}` : '';
        throw new Error(
          `${what} for ${topics.map((t) => t.topic).join(', ')} not done within ${timeoutMs} ms${reason}`,
        );
      }
      await sleep(200);
    }
  };
  // `false` from createTopics means every topic existed already (another instance created them): nothing to do.
  await retrying(
    'creating the topics',
    async () => (await admin.createTopics({ topics, waitForLeaders: false })) || true,
  );
  await retrying('waiting for partition leaders', async () => {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
    return topics.every((wanted) => {
      const partitions = metadata.find((m) => m.name === wanted.topic)?.partitions ?? [];
      const expected = wanted.numPartitions ?? 1;
      return partitions.length >= expected && partitions.every((p) => p.leader >= 0);
    });
  });
  await retrying('asking the partition leaders for offsets', async () => {
    for (const { topic } of topics) await admin.fetchTopicOffsets(topic);
    return true;
  });
}
