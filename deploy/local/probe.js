// Readiness probe for deploy/local/infra: exits 0 once the service answers, 1 after the timeout.
// Usage: node probe.js kafka|mongodb <timeoutSeconds>
const { Kafka, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');

const [service, timeoutArg = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg) * 1000;

async function kafkaAnswers() {
  const kafka = new Kafka({
    clientId: 'local-probe',
    brokers: process.env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.fetchTopicMetadata({ topics: [] });
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function mongodbAnswers() {
  const client = new MongoClient(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 1000 });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

const check = { kafka: kafkaAnswers, mongodb: mongodbAnswers }[service];
if (!check) {
  console.error(`unknown service ${service}`);
  process.exit(2);
}

(async () => {
  for (;;) {
    const ok = await check().catch(() => false);
    if (ok) process.exit(0);
    if (Date.now() > deadline) process.exit(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
})();
