/**
 * Rebuilds read models from offset 0 of the Kafka topics into fresh collections, then switches queries and the
 * projector over to them once caught up with the end offsets taken at the start. Live queries keep reading the old
 * collections meanwhile; these stay in the database (drop them once satisfied). The sets rebuild side by side.
 *
 *   npm run projections:rebuild              # every projection set
 *   npm run projections:rebuild needs pledges
 */
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { loadConfig } from '@cm/platform';
import { projectionSetNames, rebuildProjectionSets, type ProjectionSetName } from '@cm/read-models';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 0);
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(projectionSetNames as string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`unknown projection ${unknown.join(', ')}; choose from ${projectionSetNames.join(', ')}`);
    process.exit(64);
  }
  const sets = (asked.length > 0 ? asked : projectionSetNames) as ProjectionSetName[];
  const kafka = new Kafka({
    clientId: `${config.KAFKA_CLIENT_ID}-rebuild`,
    brokers: config.KAFKA_BROKERS.split(','),
    logLevel: logLevel.WARN,
  });
  const mongo = await new MongoClient(config.MONGODB_URI, { retryWrites: false }).connect();
  try {
    const db = mongo.db(config.MONGODB_DATABASE);
    await rebuildProjectionSets(db, kafka, sets, {
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      log: (line) => console.log(line),
    });
  } finally {
    await mongo.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).stack ?? error);
    process.exit(1);
  },
);
