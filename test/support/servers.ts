import { randomBytes } from 'node:crypto';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

/**
 * Integration and e2e tests share one local Kafka and one FerretDB (started by `npm test`), so every test file works
 * in a database and under a topic prefix of its own.
 */
export const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const mongodbUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';

export function uniqueName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 20)}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export function testKafka(clientId = uniqueName('client')): Kafka {
  return new Kafka({ clientId, brokers: kafkaBrokers, logLevel: logLevel.NOTHING, retry: { retries: 10 } });
}

/** Not connected yet: it connects on `connect()` or its first operation. */
export function testMongoClient(): MongoClient {
  return new MongoClient(mongodbUri, { serverSelectionTimeoutMS: 5_000, retryWrites: false });
}

export async function testMongo(): Promise<MongoClient> {
  return testMongoClient().connect();
}

/** Asks the broker for its metadata with a short-lived admin client (disconnected, so no handle stays open). */
export async function withAdmin<T>(kafka: Kafka, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}
