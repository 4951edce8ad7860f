import { ITopicConfig } from 'kafkajs';
import { StreamType, streamTypes } from '@cm/domain';

export type { StreamType };

/**
 * One topic per stream type (`cm.needs.v1`, …), keyed by stream id so that one stream's events keep their order
 * and every consumer sees them in that order. The stream types are the domain's aggregates.
 */
export const streamTopics = Object.fromEntries(
  streamTypes.map((streamType) => [streamType, `cm.${streamType}s.v1`]),
) as Readonly<Record<StreamType, string>>;

export interface TopicSettings {
  prefix: string;
  partitions: number;
  replicationFactor: number;
}

export function topicFor(streamType: StreamType, prefix = ''): string {
  return `${prefix}${streamTopics[streamType]}`;
}

/**
 * Writes with acks=-1 succeed while this many replicas have them: with replication 3, one broker may be down (or
 * restarting) without refusing writes, and an acknowledged event is on two brokers before any of them can fail.
 */
export const minInsyncReplicasFor = (replicationFactor: number): number => Math.min(2, replicationFactor);

/** The event log is the source of every read model, so it is kept forever: retention.ms=-1. */
export function eventTopicConfigs(settings: TopicSettings): ITopicConfig[] {
  return streamTypes.map((streamType) => ({
    topic: topicFor(streamType, settings.prefix),
    numPartitions: settings.partitions,
    replicationFactor: settings.replicationFactor,
    configEntries: [
      { name: 'retention.ms', value: '-1' },
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'min.insync.replicas', value: String(minInsyncReplicasFor(settings.replicationFactor)) },
    ],
  }));
}
