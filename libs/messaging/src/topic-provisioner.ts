import { Kafka } from 'kafkajs';
import { eventTopicConfigs, TopicSettings } from './topics';

/** Creates the missing event topics; existing topics are left exactly as they are. Returns the names it created. */
export async function ensureEventTopics(kafka: Kafka, settings: TopicSettings): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = eventTopicConfigs(settings).filter((config) => !existing.has(config.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    return missing.map((config) => config.topic);
  } finally {
    await admin.disconnect();
  }
}
