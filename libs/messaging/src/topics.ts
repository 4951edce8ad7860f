import { ITopicConfig } from 'kafkajs';

/** One topic per stream type, keyed by stream id so that one stream's events keep their order. */
export const streamTopics = {
  participant: 'cm.participants.v1',
  need: 'cm.needs.v1',
  pledge: 'cm.pledges.v1',
  allocation: 'cm.allocations.v1',
  coalition: 'cm.coalitions.v1',
} as const;

export type StreamType = keyof typeof streamTopics;

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
  return (Object.keys(streamTopics) as StreamType[]).map((streamType) => ({
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
