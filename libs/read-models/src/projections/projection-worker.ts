import { Logger } from '@nestjs/common';
import { ConsumerMetrics, ConsumerRunner, topicFor } from '@cm/messaging';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { consumerGroupOf, liveAlias, type ProjectionAlias, type ProjectionSetName } from './aliases';
import { projectionBatchHandler, projectionHandler } from './projection-handler';
import { ensureListIndexes } from './list-indexes';
import { projectionSets } from './projection-sets';

export interface ProjectionWorkerOptions {
  topicPrefix: string;
  replicationFactor?: number;
  metrics?: ConsumerMetrics;
  /** How often the alias is read to follow a rebuild's switch-over. */
  aliasPollMs?: number;
}

/**
 * Keeps one projection set's live generation up to date: a consumer group (`projector.<set>`, or the one a rebuild
 * handed over) over the set's topic. When a rebuild switches the alias, the worker moves to the new generation's
 * group, which resumes where the rebuild stopped.
 */
export class ProjectionWorker {
  private readonly logger: Logger;
  private runner?: ConsumerRunner;
  private live?: ProjectionAlias;
  private timer?: NodeJS.Timeout;
  private switching: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly kafka: Kafka,
    private readonly set: ProjectionSetName,
    private readonly options: ProjectionWorkerOptions,
  ) {
    this.logger = new Logger(`Projection:${set}`);
  }

  async start(): Promise<void> {
    await this.follow();
    this.timer = setInterval(() => void this.follow(), this.options.aliasPollMs ?? 1_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.switching;
    await this.runner?.stop();
  }

  private follow(): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (this.stopped) return;
      try {
        const alias = await liveAlias(this.db, this.set);
        if (this.runner && alias.generation === this.live?.generation) return;
        await this.runner?.stop();
        this.runner = undefined;
        await ensureListIndexes(this.db, this.set, alias.generation);
        const runner = new ConsumerRunner(this.kafka, {
          groupId: consumerGroupOf(alias.groupId, this.options.topicPrefix),
          topics: [topicFor(projectionSets[this.set].streamType, this.options.topicPrefix)],
          handle: projectionHandler(this.db, this.set, alias.generation),
          handleBatch: projectionBatchHandler(this.db, this.set, alias.generation),
          replicationFactor: this.options.replicationFactor,
          metrics: this.options.metrics,
        });
        await runner.start();
        this.runner = runner;
        this.live = alias;
        this.logger.log(`projecting into generation ${alias.generation} as ${alias.groupId}`);
      } catch (error) {
        this.logger.warn(`cannot run yet (${(error as Error).message}); retrying`);
      }
    });
    return this.switching;
  }
}
