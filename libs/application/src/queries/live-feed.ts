import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { Subject } from 'rxjs';
import { streamTypes } from '@cm/domain';
import { EVENT_STORE, EventStore } from '@cm/event-store';
import { topicFor, waitForTopics } from '@cm/messaging';
import { APP_CONFIG, AppConfig, KAFKA } from '@cm/platform';
import { partiesOfOpening } from '@cm/read-models';

/** What a console learns about a change: which record moved to which version; it refetches what it shows. */
export interface LiveChange {
  type: string;
  streamType: string;
  streamId: string;
  version: number;
  recordedAt: string;
  /** The participants the stream concerns (staff see every change, a participant only its own). */
  parties: readonly string[];
}

const rememberedStreams = 10_000;

/**
 * Every api instance reads the event topics from their end with a group of its own (a random id, no commits), so each
 * instance sees every change, whichever instance its callers are connected to. Starting late loses nothing: a console
 * loads the read models when it opens, the feed only tells it when to load them again.
 */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly changes = new Subject<LiveChange>();
  private consumer?: Consumer;
  private readonly parties = new Map<string, readonly string[]>();
  private readonly logger = new Logger('LiveFeed');

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: the api answers queries and commands while the broker is still coming up.
    void this.start().catch((error: unknown) => this.logger.error(`live updates are off: ${(error as Error).message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.changes.complete();
    await this.consumer?.disconnect();
  }

  private async start(): Promise<void> {
    const prefix = this.config.KAFKA_TOPIC_PREFIX;
    const topics = streamTypes.map((type) => topicFor(type, prefix));
    await waitForTopics(this.kafka, topics); // the relay creates them
    const consumer = this.kafka.consumer({ groupId: `${this.config.KAFKA_CLIENT_ID}-api-live-${randomUUID()}` });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        if (!message.value) return;
        const event = JSON.parse(message.value.toString()) as Omit<LiveChange, 'parties'> & { data: unknown };
        const parties = await this.partiesOf(event);
        this.changes.next({
          type: event.type,
          streamType: event.streamType,
          streamId: event.streamId,
          version: event.version,
          recordedAt: event.recordedAt,
          parties,
        });
      },
    });
    this.logger.log(`live updates from ${topics.join(', ')}`);
  }

  /** Parties come from the stream's opening event (immutable), remembered for the streams seen last. */
  private async partiesOf(event: { streamType: string; streamId: string; type: string; data: unknown }) {
    const known = this.parties.get(event.streamId);
    if (known) return known;
    let parties = partiesOfOpening(event);
    if (!parties) {
      const opening = (await this.store.readStream(event.streamId))?.events[0];
      parties = opening ? (partiesOfOpening(opening) ?? []) : [];
    }
    if (this.parties.size >= rememberedStreams) this.parties.delete(this.parties.keys().next().value as string);
    this.parties.set(event.streamId, parties);
    return parties;
  }
}
